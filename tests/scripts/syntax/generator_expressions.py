g = (x * 2 for x in range(5))
print(type(g).__name__)
print(next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ['a', 'abc', 'ab']))
print(list(x for x in 'abc'), tuple(n for n in range(3)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, 0]))
log = []
def src():
    for i in range(3):
        log.append('produce %d' % i)
        yield i
lazy = (i * 10 for i in src())
print(log)
print(next(lazy), log)
print(sorted(y for y in [3, 1, 2]))
