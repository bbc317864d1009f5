class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return self.name + ' with ' + str(self.sides) + ' sides, area ' + str(self.area())
class Square(Shape):
    sides = 4
    def __init__(self, size):
        Shape.__init__(self, 'square')
        self.size = size
    def area(self):
        return self.size * self.size
class Circle(Shape):
    def __init__(self, r):
        super().__init__('circle')
        self.r = r
    def area(self):
        return round(3.14159 * self.r * self.r, 2)
for s in [Shape('blob'), Square(3), Circle(2)]:
    print(s.describe())
print(isinstance(Square(1), Shape), issubclass(Circle, Square))
