print(list('abc'), list((1, 2)), list({'a': 1}), list(range(2)))
print(tuple([1, 2]), tuple('xy'), tuple({3: 0}))
print(dict([('a', 1)]), dict(a=1), dict({'b': 2}, c=3), dict(zip('xy', range(2))))
print(sorted(set([3, 3, 1])), sorted(set('aab')), frozenset([1]) == frozenset({1}))
g = (n for n in range(3))
print(list(g), list(g))
d = {'k': [1]}
shallow = dict(d)
shallow['k'].append(2)
print(d)
try:
    dict([1, 2])
except TypeError as e:
    print('TypeError:', e)
