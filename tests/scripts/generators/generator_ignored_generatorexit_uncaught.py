def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse to stop'
s = stubborn()
print(next(s))
s.close()
print('not reached')
