from greenlet import greenlet
def target():
    return 'target ran'
g = greenlet(target)
print(g.run is target)
g2 = greenlet()
g2.run = lambda: 'run assigned later'
print(g2.switch())
class Worker(greenlet):
    def __init__(self, name):
        super().__init__()
        self.name = name
    def run(self):
        return 'Worker.run for ' + self.name
w = Worker('w1')
print(w.switch(), w.dead)
try:
    g.run
    g.switch()
    g.run
except AttributeError as e:
    print('AttributeError after the greenlet started:', e)
