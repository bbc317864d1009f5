# Cooperative multitasking with plain generators, as the tutorial motivates.
def task(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        yield
ready = [task('A', 3), task('B', 2), task('C', 1)]
while ready:
    t = ready.pop(0)
    try:
        next(t)
        ready.append(t)
    except StopIteration:
        print('finished one task')
