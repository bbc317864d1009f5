s = 'A中文'
b = s.encode('utf-8')
print(b, len(b), type(b).__name__)
print(b.decode('utf-8'), b.decode() == s)
print('abc'.encode(), 'abc'.encode('ascii'))
print(list('é'.encode('utf-8')))
print(b'\x68\x69'.decode())
try:
    b'\xff'.decode('utf-8')
except ValueError as e:
    print('decode failed; is a ValueError:', isinstance(e, ValueError))
