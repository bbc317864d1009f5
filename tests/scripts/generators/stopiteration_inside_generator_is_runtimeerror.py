def bad():
    yield 1
    raise StopIteration('oops')
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print('RuntimeError:', e)
    print('cause:', repr(e.__cause__))
def calls_next_on_empty():
    yield next(iter([]))
try:
    list(calls_next_on_empty())
except RuntimeError as e:
    print('RuntimeError:', e)
