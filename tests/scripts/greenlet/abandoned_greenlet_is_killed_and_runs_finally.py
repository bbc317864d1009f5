from greenlet import greenlet, getcurrent
main = getcurrent()
def body():
    try:
        main.switch('suspended')
    finally:
        print('finally runs')
g = greenlet(body)
print(g.switch())
del g
print('after del')
def f(n):
    return n * 2
x = [f(i) for i in range(3)]
print(x)
