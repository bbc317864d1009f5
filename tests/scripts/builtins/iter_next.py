it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
s = iter('ab')
print(next(s), list(s), list(s))
d = iter({'k': 1, 'j': 2})
print(next(d), next(d))
it2 = iter([10])
print(iter(it2) is it2)
try:
    iter(5)
except TypeError as e:
    print('TypeError:', e)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError:', e)
