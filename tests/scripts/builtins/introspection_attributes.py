def documented():
    """Docstring of documented."""
class Base:
    """Base docstring."""
    kind = 'base'
    def __init__(self):
        self.a = 1
class Child(Base):
    def __init__(self):
        super().__init__()
        self.b = 2
c = Child()
print(documented.__name__, documented.__doc__)
print(Base.__name__, Base.__doc__, Child.__doc__)
print(c.__class__.__name__, c.__class__ is Child, c.__dict__)
c.extra = [3]
print(c.__dict__, sorted(c.__dict__))
print(int.__name__, str.__name__, type(None).__name__, ValueError.__name__, len.__name__)
print((5).__class__.__name__, 'x'.__class__.__name__, [].__class__ is list)
print(Child.__class__.__name__, (lambda: 0).__name__)
c.__dict__['direct'] = True
print(c.direct)
