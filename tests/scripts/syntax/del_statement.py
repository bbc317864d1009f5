x = 5
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
lst = [0, 1, 2, 3, 4]
del lst[1]
print(lst)
del lst[-1], lst[0]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class Box:
    pass
b = Box()
b.item = 'thing'
del b.item
print(hasattr(b, 'item'))
a, b2 = 1, 2
del a, b2
try:
    print(a)
except NameError as e:
    print('NameError:', e)
