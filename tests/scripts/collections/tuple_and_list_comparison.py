print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9))
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) == (1, 2))
print(sorted([(2, 'b'), (1, 'c'), (2, 'a')]))
print(max([(1, 'z'), (3, 'a'), (3, 'b')]), min(['b', 'ab', 'abc']))
print([[]] < [[1]], [1, [2]] == [1, [2]])
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError:', e)
