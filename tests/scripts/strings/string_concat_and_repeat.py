a = 'py' + 'lite'
print(a, a * 3, 3 * 'ab', 'x' * 0, 'x' * -1)
print('adjacent' 'literals' "join")
s = ''
for part in ['a', 'b', 'c']:
    s += part
print(s, len(s))
print('-' * 20)
print('abc' < 'abd', 'abc' == 'ab' + 'c', 'a' != 'A')
