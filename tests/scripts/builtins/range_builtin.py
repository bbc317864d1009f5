print(range(5), range(2, 8), range(0, 10, 2), range(10, 0, -3))
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 2)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)))
r = range(1, 20, 4)
print(r[0], r[-1], r[1:3], len(r), 9 in r, 10 in r)
print(list(reversed(range(4))), sum(range(101)))
try:
    range(1, 5, 0)
except ValueError as e:
    print('ValueError:', e)
