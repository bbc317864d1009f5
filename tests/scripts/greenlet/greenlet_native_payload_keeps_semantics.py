# A greenlet's state lives in a native field (no instance dict until the
# program gives it attributes): everything python-greenlet lets a program do
# with the object must still work — attributes, __dict__, a subclass with
# __init__ and run, an attribute shadowing switch, run set after creation,
# args and kwargs through switch, throw, dead greenlets, and __class__
# assignment refused between greenlet and a subclass.
from greenlet import greenlet, GreenletExit


def echo(*args, **kwargs):
    while True:
        got = main.switch(args, kwargs)
        args, kwargs = got


main = greenlet.getcurrent()
g = greenlet(echo)
print(g.switch(1, 2, k=3))
print(g.switch(((4,), {"x": 5})))

g.note = "hello"
print(g.note, sorted(g.__dict__), g.getcurrent() is main)
g.switch = lambda *a: "shadowed"
print(g.switch())
del g.switch
print(type(g.switch).__name__)


class Worker(greenlet):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.log = []

    def run(self, n):
        for i in range(n):
            self.log.append(i)
            self.parent.switch(self.name + ":" + str(i))
        return self.name + " done"


w = Worker("w")
print(w.switch(2), w.switch(), w.switch(), w.dead, w.log)

late = greenlet()
late.run = lambda x: x * 2
print(late.switch(21), late.dead)


def catcher():
    try:
        main.switch("waiting")
    except ValueError as e:
        return "caught " + str(e)


c = greenlet(catcher)
print(c.switch())
print(c.throw(ValueError("boom")), c.dead)


def exits():
    try:
        main.switch("inside")
    except GreenletExit:
        print("GreenletExit seen")
        raise


e = greenlet(exits)
print(e.switch())
print(repr(e.throw()), e.dead)

d = greenlet(lambda: "first")
print(d.switch(), d.dead, bool(d))
print(d.switch("to a dead one"))

for obj, cls in ((w, greenlet), (late, Worker)):
    try:
        obj.__class__ = cls
        print("assigned")
    except TypeError:
        print("TypeError")

made = 0
for i in range(2000):
    t = greenlet(lambda: main.switch(i))
    made += t.switch() == i
print(made)
