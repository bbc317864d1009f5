print(list(zip([1, 2, 3], 'abc')))
print(list(zip([1, 2, 3], 'ab')))
print(list(zip()), list(zip([1])))
print(dict(zip(['k1', 'k2'], [10, 20])))
names, ages = zip(*[('a', 1), ('b', 2)])
print(names, ages)
for x, y, z in zip(range(2), 'xy', [True, False]):
    print(x, y, z)
