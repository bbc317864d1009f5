d = {1: 'a'}
d[1.0] = 'b'
d[True] = 'c'
print(d, len(d))
d2 = {}
d2[(1, 2)] = 'tuple'
d2[frozenset({1})] = 'frozen'
print(d2[(1, 2)], d2[frozenset([1])])
print(hash(1) == hash(1.0) == hash(True))
