def worker():
    while True:
        try:
            x = yield
            print('working on', x)
        except ValueError as e:
            print('worker handled', e)
            yield 'recovered'
w = worker()
next(w)
w.send('job1')
print(w.throw(ValueError('bad job')))
next(w)
w.send('job2')
try:
    w.throw(KeyError('unhandled'))
except KeyError as e:
    print('propagated out', e)
try:
    next(w)
except StopIteration:
    print('generator is finished after an unhandled throw')
def fresh():
    print('never runs')
    yield 1
f = fresh()
try:
    f.throw(RuntimeError('before start'))
except RuntimeError as e:
    print('throw into fresh generator raises at once:', e)
