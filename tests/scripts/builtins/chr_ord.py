print(ord('A'), ord('a'), ord('0'), ord(' '), ord('\n'), ord('中'), ord('😀'))
print(chr(65), chr(97), chr(48), chr(20013), chr(0x6587), repr(chr(10)))
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
print([ord(c) for c in '协程'])
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
