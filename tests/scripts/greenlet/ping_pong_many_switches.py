from greenlet import greenlet
count = {'ping': 0, 'pong': 0}
def ping():
    for _ in range(1000):
        count['ping'] += 1
        g_pong.switch()
    return 'ping finished'
def pong():
    while True:
        count['pong'] += 1
        g_ping.switch()
g_ping = greenlet(ping)
g_pong = greenlet(pong)
print(g_ping.switch(), count, g_pong.dead)
