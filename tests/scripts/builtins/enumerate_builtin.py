for i, ch in enumerate('abc'):
    print(i, ch)
print(list(enumerate(['x', 'y'], 1)))
print(list(enumerate(['x', 'y'], start=10)))
e = enumerate('hi')
print(next(e), next(e))
print(dict(enumerate('ab')))
