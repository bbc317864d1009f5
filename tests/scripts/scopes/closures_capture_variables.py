def make_multipliers():
    return [lambda x: x * i for i in range(3)]
print([m(10) for m in make_multipliers()])
def make_fixed():
    return [lambda x, i=i: x * i for i in range(3)]
print([m(10) for m in make_fixed()])
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add9 = make_adder(9)
print(add5(1), add9(1))
def late():
    fns = []
    v = 'first'
    fns.append(lambda: v)
    v = 'second'
    return fns[0]()
print(late())
