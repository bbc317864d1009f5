def g():
    try:
        yield 'first'
    finally:
        print('finally on throw')
gen = g()
next(gen)
try:
    gen.throw(TypeError('thrown'))
except TypeError as e:
    print('came back out:', e)
def catches():
    try:
        yield 1
    except TypeError:
        return 'handled and returned'
c = catches()
next(c)
try:
    c.throw(TypeError)
except StopIteration as e:
    print('StopIteration with value', e.value)
