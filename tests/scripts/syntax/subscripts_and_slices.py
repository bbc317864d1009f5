s = list(range(10))
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[5:2], s[100:], s[-100:2], s[::3])
t = 'abcdefgh'
print(t[1:6:2], t[::-1], t[-2:], t[:0], t[3])
u = (10, 20, 30, 40)
print(u[1:3], u[::-1], u[-1])
grid = [[1, 2], [3, 4]]
print(grid[1][0], grid[-1][-1])
d = {'a': {'b': [5, 6]}}
print(d['a']['b'][1])
print(range(10)[2:8:3], list(range(10)[2:8:3]))
