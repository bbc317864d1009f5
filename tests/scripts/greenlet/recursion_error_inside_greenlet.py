from greenlet import greenlet
def deep(n):
    return deep(n + 1)
def runner():
    try:
        deep(0)
    except RecursionError as e:
        return 'caught in greenlet: ' + str(e)
print(greenlet(runner).switch())
g = greenlet(lambda: deep(0))
try:
    g.switch()
except RecursionError as e:
    print('reached the parent:', e, g.dead)
