s = '  \t padded \n '
print(repr(s.strip()))
print(repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')))
print(repr(''.strip()), repr('   '.strip()))
print(repr('--a-b--'.strip('-')))
print(repr('\n\nline\n'.strip('\n')))
