from greenlet import greenlet
def worker():
    print('worker runs')
    raise RuntimeError('unhandled in a greenlet')
g = greenlet(worker)
g.switch()
print('not reached')
