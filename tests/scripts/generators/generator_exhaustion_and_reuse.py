def two():
    yield 1
    yield 2
g = two()
print(list(g), list(g), sum(g))
for x in g:
    print('never printed')
print(iter(g) is g, next(g, 'empty'))
h = two()
print(next(h), list(h))
