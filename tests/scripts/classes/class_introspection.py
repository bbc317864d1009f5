class Animal:
    """An animal."""
    legs = 4
    def __init__(self, name):
        self.name = name
class Bird(Animal):
    legs = 2
b = Bird('tweety')
print(Animal.__name__, Bird.__name__, b.__class__.__name__, b.__class__.__class__.__name__)
print(b.__dict__, Animal('x').__dict__)
print(Animal.__doc__, Bird.__doc__, b.__doc__)
print(b.legs, b.__class__.legs, type(b) is Bird)
print(b.__class__.__doc__, b.name)
