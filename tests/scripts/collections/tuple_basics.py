t = (1, 'two', 3.0)
print(t, len(t), t[1], t[-1], t[:2])
print((), (1,), (1), tuple(), tuple([1, 2]), tuple('ab'))
single = 5,
print(single, type(single).__name__)
print((1, 2, 2, 3, 2).count(2), (1, 2, 3).index(3))
print((1, 2) + (3,), (0,) * 3, 'two' in t)
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
try:
    (1, 2).index(5)
except ValueError as e:
    print('ValueError:', e)
a, b, c = t
print(a, b, c)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
