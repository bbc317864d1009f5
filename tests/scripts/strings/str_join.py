print(','.join(['a', 'b', 'c']))
print(''.join(['x', 'y']), ' '.join([]))
print('-'.join('abc'))
print(' '.join(str(n) for n in range(5)))
print(', '.join(sorted({'b': 1, 'a': 2})))
print('\n'.join(['first', 'second']))
try:
    ' '.join([1, 2])
except TypeError as e:
    print('TypeError:', e)
