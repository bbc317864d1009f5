class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        print('get radius')
        return self._r
    @radius.setter
    def radius(self, value):
        print('set radius', value)
        if value < 0:
            raise ValueError('radius must be >= 0')
        self._r = value
    @property
    def diameter(self):
        return self._r * 2
c = Circle(2)
print(c.radius, c.diameter)
c.radius = 5
print(c.diameter)
try:
    c.radius = -1
except ValueError as e:
    print('ValueError:', e)
try:
    c.diameter = 3
except AttributeError as e:
    print('AttributeError:', e)
print(type(Circle.radius).__name__)
