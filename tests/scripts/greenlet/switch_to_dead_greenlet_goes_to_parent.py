from greenlet import greenlet, getcurrent
main = getcurrent()
g = greenlet(lambda: 'finished')
print(g.switch(), g.dead)
print(g.switch('sent to a dead greenlet'))
print(g.switch(1, 2))
def outer():
    inner = greenlet(lambda: 'inner done')
    inner.switch()
    print('outer switching to dead inner goes to its parent (outer itself):', inner.switch('x'))
    return 'outer done'
print(greenlet(outer).switch())
