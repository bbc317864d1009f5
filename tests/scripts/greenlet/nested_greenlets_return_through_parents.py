from greenlet import greenlet
log = []
def level(n):
    log.append('enter %d' % n)
    if n == 3:
        return 'bottom'
    child = greenlet(lambda: level(n + 1))
    result = child.switch()
    log.append('level %d got %s' % (n, result))
    return result + '<%d' % n
print(greenlet(lambda: level(0)).switch())
print(log)
