stamp = 'first'
def f(x=stamp):
    return x
stamp = 'second'
print(f(), stamp)
def g(items=[]):
    items.append(len(items))
    return items
print(g(), g(), g())
