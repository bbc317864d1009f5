class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, x, *, extra=0):
        self.calls += 1
        return x * self.factor + extra
triple = Multiplier(3)
print(triple(4), triple(5, extra=1), triple.calls)
print(list(map(triple, [1, 2])), callable(triple))
class Adder:
    def __call__(self, *args):
        return sum(args)
print(Adder()(1, 2, 3))
