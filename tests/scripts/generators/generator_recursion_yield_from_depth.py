def countdown(n):
    if n == 0:
        return 'bottom'
    yield n
    result = yield from countdown(n - 1)
    return result
g = countdown(50)
print(sum(g))
def collect():
    r = yield from countdown(3)
    yield r
print(list(collect()))
