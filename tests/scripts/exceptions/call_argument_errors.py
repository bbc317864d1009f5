def f(a, b):
    return a + b
def g(a, *, k):
    return a
def h():
    return 0
class K:
    def m(self, x):
        return x
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2, c=3), lambda: f(1, a=1),
             lambda: g(1), lambda: g(1, 2, k=3), lambda: h(1), lambda: K().m(),
             lambda: K().m(1, 2), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
