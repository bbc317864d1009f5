eg = ExceptionGroup('several problems', [ValueError('v'), TypeError('t'), KeyError('k')])
print(str(eg))
print(eg.message, eg.exceptions)
print(len(eg.exceptions), [type(e).__name__ for e in eg.exceptions])
try:
    raise eg
except ExceptionGroup as caught:
    print('caught group:', caught.message, len(caught.exceptions))
one = ExceptionGroup('one', [RuntimeError('r')])
print(str(one), repr(one.exceptions[0]))
print(isinstance(eg, Exception), eg.args[0])
try:
    ExceptionGroup('empty', [])
except ValueError as e:
    print('ValueError:', e)
