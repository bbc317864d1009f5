def nothing():
    return
def implicit():
    x = 1
def pair():
    return 1, 'two'
def early(n):
    if n > 0:
        return 'positive'
    return 'not positive'
print(nothing(), implicit(), pair(), early(3), early(-3))
a, b = pair()
print(a, b)
def loop_return():
    for i in range(10):
        if i == 4:
            return i
print(loop_return())
