def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc()
inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get())
def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
    middle()
    return x
print(outer())
