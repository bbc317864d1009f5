from greenlet import greenlet, getcurrent
main = getcurrent()
def task(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        main.switch()
    return name
def make(name, steps):
    return greenlet(lambda: task(name, steps))
ready = [make('A', 2), make('B', 3), make('C', 1)]
while ready:
    g = ready.pop(0)
    result = g.switch()
    if g.dead:
        print('finished', result)
    else:
        ready.append(g)
