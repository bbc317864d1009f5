class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n
c = Counter()
f = c.inc
f()
f(5)
print(c.n, f.__name__)
unbound = Counter.inc
print(unbound(c, 10))
ops = [c.inc, c.inc]
print([op() for op in ops])
print(c.inc == c.inc)
