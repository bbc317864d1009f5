print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(3)] for r in range(3)])
words = ['apple', 'Banana', 'cherry']
print([w.upper() for w in words if 'a' in w.lower()])
print([c for w in words for c in w if c in 'aeiou'])
print([n if n > 0 else 0 for n in [-1, 2, -3, 4]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
