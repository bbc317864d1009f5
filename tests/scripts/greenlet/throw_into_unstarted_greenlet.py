from greenlet import greenlet, GreenletExit
log = []
def never():
    log.append('body ran')
g = greenlet(never)
try:
    g.throw(ValueError('before start'))
except ValueError as e:
    print('raised in the parent:', e, g.dead, log)
h = greenlet(never)
r = h.throw(GreenletExit)
print(type(r).__name__, h.dead, log)
