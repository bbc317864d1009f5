def inner():
    try:
        while True:
            got = yield 'inner ready'
            print('inner got', got)
    except ValueError as e:
        print('inner caught', e)
        yield 'inner after error'
    finally:
        print('inner finally')
def outer():
    yield from inner()
    yield 'outer continues'
o = outer()
print(next(o))
print(o.send('hello'))
print(o.throw(ValueError('boom')))
print(next(o))
o2 = outer()
next(o2)
o2.close()
print('closed outer, inner was closed too')
