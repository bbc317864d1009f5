# 1,000,000 values through a three-deep `yield from` chain.
def leaf(n):
    i = 0
    while i < n:
        yield i
        i += 1

def middle(n):
    yield from leaf(n)

def outer(n):
    yield from middle(n)

total = 0
for v in outer(1000000):
    total += v
print(total)
