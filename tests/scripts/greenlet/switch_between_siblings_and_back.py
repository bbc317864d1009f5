from greenlet import greenlet, getcurrent
main = getcurrent()
log = []
def a_body():
    log.append('a1')
    b.switch()
    log.append('a2')
    main.switch('a paused')
    log.append('a3')
def b_body():
    log.append('b1')
    a.switch()
    log.append('b2')
a = greenlet(a_body)
b = greenlet(b_body)
print(a.switch())
print(log)
print(b.switch())
print(log, a.dead, b.dead)
print(a.switch())
print(log, a.dead)
