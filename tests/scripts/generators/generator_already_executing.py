def selfish():
    print('inside, calling next on myself')
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)
def sender():
    try:
        yield gen2.send(None)
    except ValueError as e:
        yield 'caught inside: ' + str(e)
gen2 = sender()
print(next(gen2))
