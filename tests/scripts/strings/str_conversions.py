print(str(42), str(-3.5), str(True), str(None), str([1, 'a']), str((1,)))
print(str({'k': 'v'}), str(''), str(1e100))
print(int('42') + 1, float('3.5') * 2, int('  -17  '), int('0x1f', 16), int('ff', 16))
print(int('1010', 2), int('777', 8), int('z', 36))
print(int(3.99), int(-3.99), int(True), float(3))
print(str(b'bytes'))
try:
    int('abc')
except ValueError as e:
    print('ValueError:', e)
try:
    float('x1')
except ValueError as e:
    print('ValueError:', e)
