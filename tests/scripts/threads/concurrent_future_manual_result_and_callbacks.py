from concurrent.futures import Future
log = []
f = Future()
print(f.done(), f.cancelled())
f.add_done_callback(lambda fut: log.append('callback sees ' + repr(fut.result())))
f.set_result('manual value')
print(f.done(), f.result(), log)
f.add_done_callback(lambda fut: log.append('late callback runs at once'))
print(log)
g = Future()
g.set_exception(ValueError('manual failure'))
print(repr(g.exception()))
try:
    g.result()
except ValueError as e:
    print('result() raises', e)
