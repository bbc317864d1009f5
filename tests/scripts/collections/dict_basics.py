d = {'name': 'Ada', 'age': 36}
print(d, len(d), d['name'])
d['lang'] = 'python'
d['age'] = 37
print(d)
print('age' in d, 'x' in d, 'Ada' in d)
del d['lang']
print(d)
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict(zip('ab', [1, 2])))
print({1: 'int', 1.0: 'float', True: 'bool'})
print({(1, 2): 'tuple key', None: 'none key', 'k': [1]})
try:
    d['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    {[1]: 2}
except TypeError as e:
    print('TypeError:', e)
