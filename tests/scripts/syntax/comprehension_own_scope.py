x = 'outer'
squares = [x * x for x in range(4)]
print(x, squares)
n = 10
print([n + i for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print({k: x for k in 'ab'})
def inside():
    y = 2
    return [y * z for z in range(3)]
print(inside())
