class Thing:
    def __init__(self):
        self.present = 1
t = Thing()
try:
    t.absent
except AttributeError as e:
    print('AttributeError:', e)
try:
    Thing.absent
except AttributeError as e:
    print('AttributeError:', e)
try:
    Thing(1)
except TypeError as e:
    print('TypeError:', e)
try:
    (5).undefined_attribute_xyz
except AttributeError as e:
    print('AttributeError:', e)
try:
    None.value
except AttributeError as e:
    print('AttributeError:', e)
