lst = ['a', 'b', 'c', 'b', 'd']
print(lst.pop(), lst)
print(lst.pop(0), lst)
print(lst.pop(-2), lst)
lst.remove('b')
print(lst)
print(['x', 'y', 'z', 'y'].index('y'), [1, 2, 3, 2].index(2, 2))
try:
    lst.remove('zzz')
except ValueError as e:
    print('ValueError:', e)
try:
    lst.index('zzz')
except ValueError as e:
    print('ValueError:', e)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].pop(5)
except IndexError as e:
    print('IndexError:', e)
