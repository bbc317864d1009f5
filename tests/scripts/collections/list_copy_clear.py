a = [1, [2, 3]]
b = a.copy()
b.append(4)
b[1].append('shared')
print(a, b)
c = a[:]
print(c == a, c is a)
a.clear()
print(a, b, len(a))
