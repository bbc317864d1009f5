s = 'python'
print(s[0], s[-1], s[1:4], s[::2], s[::-1])
for i, ch in enumerate(s):
    print(i, ch, end=' | ')
print()
print(list(s), tuple('ab'))
print(len(s), 'y' in s, 'yt' in s)
try:
    s[0] = 'P'
except TypeError as e:
    print('TypeError:', e)
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
