f = frozenset([3, 1, 2, 1])
print(len(f), sorted(f), 2 in f, type(f).__name__)
print(frozenset(), frozenset([1]))
d = {frozenset([1, 2]): 'pair'}
print(d[frozenset([2, 1])])
print(f == {1, 2, 3}, sorted(f | {9}), sorted(f & {1, 5}))
print({frozenset([1]), frozenset([1])} == {frozenset([1])})
