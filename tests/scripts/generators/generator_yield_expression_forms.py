def gen():
    x = yield
    print('x =', x)
    y = (yield x) * 2
    print('y =', y)
    z = yield y, 'pair'
    print('z =', z)
g = gen()
print(next(g))
print(g.send(5))
print(g.send(7))
try:
    g.send('last')
except StopIteration:
    print('done')
def yields_none():
    yield
print(list(yields_none()))
