def trace(func):
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print('returned', result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, b=3)
def repeat(times):
    def decorate(func):
        def wrapper():
            return [func() for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def hello():
    return 'hi'
print(hello())
def tag(name):
    def decorate(func):
        def wrapper():
            return '<' + name + '>' + func() + '</' + name + '>'
        return wrapper
    return decorate
@tag('b')
@tag('i')
def text():
    return 'x'
print(text())
registry = []
def register(func):
    registry.append(func.__name__)
    return func
@register
def one():
    pass
@register
def two():
    pass
print(registry, one.__name__)
