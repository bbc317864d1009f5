def f():
    try:
        return 'try'
    finally:
        print('finally runs before returning')
def g():
    try:
        return 'try'
    finally:
        return 'finally wins'
def h():
    try:
        raise ValueError('lost')
    finally:
        return 'finally swallowed the exception'
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
print(f())
print(g())
print(h())
print(k())
