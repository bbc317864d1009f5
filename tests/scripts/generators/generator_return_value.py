def gen():
    yield 'a'
    return 'the return value'
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration.value =', e.value, 'args =', e.args)
def no_return():
    yield 1
g2 = no_return()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print('implicit return value =', e.value, e.args)
print(list(gen()))
