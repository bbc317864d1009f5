def count_up(n):
    print('start')
    i = 0
    while i < n:
        print('yielding', i)
        yield i
        i += 1
    print('end')
g = count_up(2)
print('created', type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration')
print(next(g, 'exhausted'))
print(list(count_up(3)))
