from greenlet import greenlet, getcurrent
main = getcurrent()
def recurse(depth):
    if depth == 0:
        value = main.switch('at the bottom')
        return 'unwound with ' + value
    return recurse(depth - 1)
def runner():
    return recurse(200)
g = greenlet(runner)
print(g.switch())
print('main runs between, the greenlet keeps its 200 frames')
print(g.switch('resume'))
