def load(key):
    data = {'a': 1}
    try:
        return data[key]
    except KeyError as e:
        raise ValueError('unknown setting ' + key) from e
try:
    load('b')
except ValueError as e:
    print('ValueError:', e)
    print('cause:', repr(e.__cause__))
    print('context:', repr(e.__context__))
    print('suppress_context:', e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('hidden context') from None
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
err = TypeError('standalone')
print(err.__cause__, err.__context__)
