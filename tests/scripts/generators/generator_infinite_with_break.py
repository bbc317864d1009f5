def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for n in naturals():
    if n * n > 50:
        break
    out.append(n)
print(out)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
