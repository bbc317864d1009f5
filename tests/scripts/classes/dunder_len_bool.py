class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
class Switch:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print('bool called')
        return self.on
print(len(Bag(1, 2)), bool(Bag()), bool(Bag(0)))
if not Bag():
    print('empty bag is falsy')
print(bool(Switch(True)), bool(Switch(False)))
if Switch(True):
    print('switch on')
print(Switch(False) or 'fallback')
class Neither:
    pass
print(bool(Neither()))
