from greenlet import greenlet, getcurrent, GreenletExit
main = getcurrent()
def graceful():
    try:
        main.switch()
    except GreenletExit:
        print('cleaning up')
        return 'cleanup result'
g = greenlet(graceful)
g.switch()
print(g.throw(GreenletExit), g.dead)
