s = {1, 2}
s.update([3, 4], (5,))
print(sorted(s))
s.remove(5)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print('KeyError:', e)
c = s.copy()
c.clear()
print(sorted(s), c)
one = {7}
print(one.pop(), one)
try:
    one.pop()
except KeyError as e:
    print('KeyError:', e)
