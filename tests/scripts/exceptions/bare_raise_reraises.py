def inner():
    raise ValueError('original')
def middle():
    try:
        inner()
    except ValueError:
        print('middle saw it, re-raising')
        raise
try:
    middle()
except ValueError as e:
    print('outer got', e)
try:
    try:
        raise KeyError('a')
    except KeyError as e:
        err = e
    raise err
except KeyError as e:
    print('raised again from variable', e)
try:
    raise TypeError
except TypeError as e:
    print('raise class creates instance:', repr(e))
