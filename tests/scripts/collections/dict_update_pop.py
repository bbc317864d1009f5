d = {'a': 1, 'b': 2}
d.update({'b': 20, 'c': 3})
print(d)
d.update(d=4, a=10)
print(d)
d.update([('e', 5)])
print(d)
print(d.pop('a'), d)
print(d.pop('zzz', 'fallback'), d)
try:
    d.pop('zzz')
except KeyError as e:
    print('KeyError:', e)
e = d.copy()
e.clear()
print(d, e)
