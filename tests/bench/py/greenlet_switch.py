# 1,000,000 switches between two greenlets.
from greenlet import greenlet

N = 500000

def ping():
    for _ in range(N):
        g2.switch()

def pong():
    while True:
        g1.switch()

g1 = greenlet(ping)
g2 = greenlet(pong)
g1.switch()
print("done")
