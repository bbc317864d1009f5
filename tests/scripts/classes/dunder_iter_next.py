class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)))
for n in Countdown(2):
    print('tick', n)
c = Countdown(1)
print(next(c), next(c, 'exhausted'))
class Repeat:
    def __init__(self, v, n):
        self.v, self.n = v, n
    def __iter__(self):
        for _ in range(self.n):
            yield self.v
r = Repeat('x', 3)
print(list(r), list(r), ''.join(r))
a, b, c = Countdown(3)
print(a, b, c)
