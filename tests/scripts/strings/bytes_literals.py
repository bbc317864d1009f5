b = b'abc'
print(b, len(b), b[0], b[-1], b[1:], type(b).__name__)
print(b'\x00\xff\n', b"double", b'''triple''', br'raw\n')
print(b + b'def', b * 2, b'b' in b, 98 in b)
print(list(b'hi'), b'\x41\x42', b'' == b'')
print(b == b'abc', b'a' < b'b', repr(b'it\'s'))
print(b'\xe4\xb8\xad'.decode('utf-8'))
