class Shape:
    def area(self):
        raise NotImplementedError('Shape.area must be overridden')
Shape().area()
