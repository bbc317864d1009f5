x = 5
print(-x, +x, -(-x), ~x, ~-1, ~0)
print(not x, not not x)
y = -2.5
print(-y, +y, abs(y))
print(- - 3, + - 3, - + 3)
print(-True, +False, ~True)
