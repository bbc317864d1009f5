def step(n):
    try:
        try:
            if n == 1:
                raise ValueError('v')
            if n == 2:
                raise TypeError('t')
            return 'ok'
        except ValueError:
            return 'inner handled ValueError'
    except TypeError:
        return 'outer handled TypeError'
    finally:
        print('step', n, 'cleanup')
for n in range(3):
    print(step(n))
try:
    try:
        raise ValueError('a')
    except ValueError:
        raise KeyError('raised in handler')
except KeyError as e:
    print('KeyError', e, 'context', repr(e.__context__))
