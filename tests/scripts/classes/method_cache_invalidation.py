# One call site `obj.m()` sees every change to where `m` comes from: the VM
# caches method lookups per call site, and no cache may outlive a change.


class Base:
    def m(self):
        return "Base.m"


class Child(Base):
    def m(self):
        return "Child.m"


class Other:
    def m(self):
        return "Other.m"


class Leaf(Base):
    pass


def call(obj):
    return obj.m()


def run(label, obj, times=3):
    print(label, [call(obj) for _ in range(times)])


c = Child()
run("warm", c)

# The method replaced on the class after the call site warmed up.
Child.m = lambda self: "Child.m replaced"
run("replaced on class", c)

# Shadowed by an instance attribute (a plain callable, not bound).
c.m = lambda: "instance attribute"
run("instance shadow", c)
del c.m
run("instance shadow removed", c)

# Removed from the class: the base's method shows through.
del Child.m
run("deleted from class", c)

# A base class method changed: inherited through the same site.
leaf = Leaf()
run("inherited", leaf)
Base.m = lambda self: "Base.m changed"
run("base changed", leaf)
run("child sees base", c)

# __class__ reassigned on a warmed instance.
o = Child()
run("before class change", o)
o.__class__ = Other
run("after class change", o)

# A property on the class versus a plain attribute of the same name.
class WithProp:
    @property
    def m(self):
        return lambda: "from property"


p = WithProp()
run("property", p)
WithProp.m = staticmethod(lambda: "staticmethod")
run("staticmethod", p)
WithProp.m = lambda self: "plain method again"
run("plain method", p)
p.__dict__["m"] = lambda: "instance dict"
run("instance dict shadows method", p)


# A data descriptor on the class wins over the instance dict.
class Data:
    def __get__(self, obj, objtype=None):
        return lambda: "data descriptor"

    def __set__(self, obj, value):
        raise AttributeError("read-only")


WithProp.m = Data()
run("data descriptor over instance dict", p)

# Class attribute rebound many times inside one loop.
class Counter:
    pass


k = Counter()
out = []
for i in range(4):
    Counter.m = (lambda n: lambda self: "v%d" % n)(i)
    out.append(call(k))
print("rebound in loop", out)

# A new class per iteration, whose object may reuse the old one's memory.
out = []
for i in range(5):
    class Fresh:
        def m(self, n=i):
            return "fresh%d" % n
    out.append(call(Fresh()))
    del Fresh
print("fresh classes", out)

# Built-in methods through the same site, then a user class.
class Box(list):
    pass


b = Box([3, 1, 2])
print("builtin", [x.copy() for x in ([1], b, [2, 3])])
Box.copy = lambda self: "Box.copy"
print("builtin overridden", [x.copy() for x in ([1], b, [2, 3])])
