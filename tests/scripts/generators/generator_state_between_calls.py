def stateful():
    seen = []
    while True:
        item = yield list(seen)
        seen.append(item)
s = stateful()
next(s)
print(s.send('a'))
print(s.send('b'))
def interleave():
    g1 = (c for c in 'ABC')
    g2 = (n for n in range(3))
    for _ in range(3):
        yield next(g1)
        yield next(g2)
print(list(interleave()))
