from greenlet import greenlet
def compute(a, b):
    return a * b
g = greenlet(compute)
print(g.switch(6, 7))
print(g.dead, bool(g))
def nothing():
    pass
print(greenlet(nothing).switch())
