errors = [
    ValueError(),
    ValueError('one'),
    ValueError('two', 2),
    KeyError('key'),
    KeyError('a', 'b'),
    IndexError(3),
    TypeError('t'),
    RuntimeError(None),
    Exception('中文消息'),
    StopIteration('done'),
    AssertionError(),
]
for e in errors:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
try:
    raise NotImplementedError('subclass must implement')
except RuntimeError as e:
    print('caught as RuntimeError:', type(e).__name__, e.args)
