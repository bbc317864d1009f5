def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', punct='?'))
def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)
print(total(), total(1, 2, 3))
def options(**kw):
    return sorted(kw.items())
print(options(b=2, a=1))
def mixed(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
