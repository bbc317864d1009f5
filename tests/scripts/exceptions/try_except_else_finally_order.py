def attempt(x):
    log = []
    try:
        log.append('try')
        result = 10 // x
    except ZeroDivisionError:
        log.append('except')
        result = None
    else:
        log.append('else')
    finally:
        log.append('finally')
    print(x, result, ' '.join(log))
attempt(2)
attempt(0)
try:
    pass
finally:
    print('finally without except')
try:
    try:
        raise KeyError('k')
    finally:
        print('inner finally runs before outer except')
except KeyError as e:
    print('outer caught', e)
