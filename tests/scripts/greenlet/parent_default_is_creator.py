from greenlet import greenlet, getcurrent
main = getcurrent()
def make_child():
    child = greenlet(lambda: 'child result')
    print('child parent is outer?', child.parent is getcurrent())
    result = child.switch()
    print('child returned to outer with', result)
    return 'outer result'
outer = greenlet(make_child)
print(outer.parent is main)
print(outer.switch())
