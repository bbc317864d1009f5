print(sorted({x % 4 for x in range(10)}))
print({x: x * x for x in range(5)})
words = ['one', 'two', 'three', 'four']
print({w: len(w) for w in words if len(w) > 3})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print(sorted({c.upper() for c in 'hello world' if c != ' '}))
print({i: [j for j in range(i)] for i in range(4)})
print({(x, y): x * y for x in range(2) for y in range(2)})
