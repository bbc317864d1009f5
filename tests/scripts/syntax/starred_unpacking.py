first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
head, *_ = (9,)
print(head, _)
print([*range(3), *'ab', 7])
print((*[1, 2], 3))
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print({*[1, 2], *[2, 3]} == {1, 2, 3})
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
