a = b = c = 1
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[m, n] = 'mn'
print(m, n)
for i, (k, v) in enumerate([('a', 1), ('b', 2)]):
    print(i, k, v)
t = 1, 2, 3
print(t, type(t).__name__)
s = [0, 0, 0]
i = 0
i, s[i] = 1, 9
print(i, s)
