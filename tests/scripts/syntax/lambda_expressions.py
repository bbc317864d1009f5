square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: 'no args')())
print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]))
make_adder = lambda n: lambda x: x + n
print(make_adder(5)(3))
star = lambda *a, **k: (a, k)
print(star(1, 2, x=3))
print(square.__name__)
print(list(map(lambda x: x % 3, range(7))))
