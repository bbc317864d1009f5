from greenlet import greenlet, getcurrent
main = getcurrent()
def echo(*args, **kwargs):
    print('run() called with', args, kwargs)
    while True:
        received = main.switch()
        print('switch delivered', repr(received))
g = greenlet(echo)
g.switch(1, 2, key='v')
g.switch()
g.switch('single')
g.switch(1, 2)
g.switch(a=1)
g.switch(1, a=2)
g.switch(None)
