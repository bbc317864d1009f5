from greenlet import greenlet, getcurrent
main = getcurrent()
def worker(first):
    print('worker started with', first)
    second = main.switch('worker -> main #1')
    print('worker resumed with', second)
    third = main.switch('worker -> main #2')
    print('worker resumed with', third)
    return 'worker returns'
g = greenlet(worker)
print('main got', g.switch('start'))
print('main got', g.switch('resume #1'))
print('main got', g.switch('resume #2'))
print(g.dead)
