from greenlet import greenlet
def failing():
    print('about to fail')
    raise KeyError('raised inside the greenlet')
g = greenlet(failing)
try:
    g.switch()
except KeyError as e:
    print('parent caught', repr(e))
print(g.dead)
def middle():
    inner = greenlet(lambda: 1 / 0)
    try:
        inner.switch()
    except ZeroDivisionError as e:
        print('middle caught', e)
        raise ValueError('middle re-raises') from e
m = greenlet(middle)
try:
    m.switch()
except ValueError as e:
    print('main caught', e, 'cause', repr(e.__cause__))
