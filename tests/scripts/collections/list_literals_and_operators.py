a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, [] * 5, len(a), len([]))
print(2 in a, 9 not in a, a == [1, 2, 3], a != b, a < b)
print([1, [2, [3, []]]], ['mixed', 1, 2.5, None, True])
print(list(), list('abc'), list(range(3)), list((1, 2)))
c = a
c.append(4)
print(a, c is a)
print([x for x in a], a[::-1], a.copy() == a, a.copy() is a)
