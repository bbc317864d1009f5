def outer():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    add(1)
    add(2)
    return items
print(outer())
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
a = make()
print(a(5), a(5), make()(1))
