print(sorted([3, 1, 2]), sorted('bca'), sorted((5, 4)), sorted({3: 'x', 1: 'y'}))
print(sorted([3, 1, 2], reverse=True))
print(sorted(['bb', 'a', 'ccc'], key=len, reverse=True))
people = [('amy', 30), ('bob', 25), ('cat', 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(['B', 'a', 'C'], key=lambda s: s.lower()))
print(sorted([]), sorted(range(3), reverse=True))
original = [2, 1]
print(sorted(original), original)
