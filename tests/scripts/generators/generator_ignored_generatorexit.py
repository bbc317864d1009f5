def stubborn():
    for attempt in range(2):
        try:
            yield 'still here'
        except GeneratorExit:
            print('ignoring GeneratorExit')
    print('stubborn finished')
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
print(next(s, 'exhausted'))
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print('cleanly returning')
        return 'ignored value'
r = returns_on_exit()
next(r)
print(r.close())
