row = [0] * 3
grid = [row] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
a = [1, 2]
b = [a, a]
a.append(3)
print(b)
x = [1, 2, 3]
y = x
y += [4]
print(x)
y = y + [5]
print(x, y)
