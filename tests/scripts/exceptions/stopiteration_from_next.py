it = iter([])
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args, e.value)
def gen():
    yield 1
    return 'result'
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print('value', e.value, 'args', e.args)
e = StopIteration(5, 6)
print(e.value, e.args)
