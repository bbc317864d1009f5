from greenlet import greenlet, getcurrent
main = getcurrent()
def body():
    print('inside: bool(g) =', bool(g), 'dead =', g.dead)
    main.switch()
    print('resumed once more')
g = greenlet(body)
print('before start: bool =', bool(g), 'dead =', g.dead)
g.switch()
print('suspended: bool =', bool(g), 'dead =', g.dead)
g.switch()
print('finished: bool =', bool(g), 'dead =', g.dead)
print('main: bool =', bool(main), 'dead =', main.dead)
