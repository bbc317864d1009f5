from greenlet import greenlet, getcurrent, GreenletExit
main = getcurrent()
def quiet():
    try:
        main.switch('suspended')
    finally:
        print('finally runs on GreenletExit')
g = greenlet(quiet)
print(g.switch())
result = g.throw()
print('throw() returned', type(result).__name__, g.dead)
print(issubclass(GreenletExit, BaseException), issubclass(GreenletExit, Exception))
