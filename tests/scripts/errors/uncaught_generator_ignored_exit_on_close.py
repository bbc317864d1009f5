def g():
    for attempt in range(2):
        try:
            yield
        except GeneratorExit:
            print('ignored GeneratorExit once')
x = g()
next(x)
x.close()
