a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(3 in a, 9 in a, len(a), len(set()))
print(set(), set([1, 1, 2]) == {1, 2}, sorted(set('hello')))
print({1, 2} == {2, 1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {1})
print({1, 2, 3})
print(sorted({-1, 5, 3, 0}))
try:
    {[1, 2]}
except TypeError as e:
    print('TypeError:', e)
