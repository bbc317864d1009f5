def accumulator():
    total = 0
    while True:
        value = yield total
        print('received', value)
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print('finished with', e.value)
def echo():
    received = yield 'ready'
    while True:
        received = yield 'echo: ' + str(received)
e = echo()
print(e.send(None), e.send('a'), e.send('b'))
