s = list(range(8))
s[1:3] = ['a', 'b', 'c']
print(s)
s[::2] = [0, 0, 0, 0, 0]
print(s)
del s[1:3]
print(s)
del s[::2]
print(s)
s[:] = []
print(s)
t = [1, 2, 3]
t[len(t):] = [4, 5]
print(t)
t[0:0] = [-1, 0]
print(t)
