a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 5 in a, 5 not in a, not 2 in a)
print('ell' in 'hello', 'z' not in 'hello', '' in 'abc')
d = {'k': 1, 'j': 2}
print('k' in d, 1 in d, 2 not in d)
print((1, 2) in [(1, 2), (3, 4)], 3 in (1, 2, 3), 4 in {4, 5})
print(None is None, 1 in range(0, 5, 2), 2 in range(0, 5, 2))
x = None
print(x is None, x is not None)
