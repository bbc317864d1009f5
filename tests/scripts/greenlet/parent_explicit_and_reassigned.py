from greenlet import greenlet, getcurrent
main = getcurrent()
log = []
def collector():
    while True:
        value = main.switch()
        log.append('collector got ' + repr(value))
coll = greenlet(collector)
coll.switch()
def producer():
    return 'value returned to the collector'
p = greenlet(producer, parent=coll)
print(p.parent is coll)
result = p.switch()
print('main got back', result)
print(log)
q = greenlet(lambda: 'to main')
q.parent = coll
q.parent = main
print(q.switch(), q.parent is main)
try:
    q.parent = q
except ValueError as e:
    print('ValueError:', e)
