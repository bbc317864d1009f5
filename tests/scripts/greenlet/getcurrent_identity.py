from greenlet import greenlet, getcurrent
main = getcurrent()
print(getcurrent() is main, main.parent is None)
def child():
    me = getcurrent()
    print('inside child:', me is g, me is not main, me.parent is main)
    return 'done'
g = greenlet(child)
print(g.switch())
print(getcurrent() is main)
print(type(main).__name__, isinstance(g, greenlet))
