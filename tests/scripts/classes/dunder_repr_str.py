class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return 'Point(' + repr(self.x) + ', ' + repr(self.y) + ')'
    def __str__(self):
        return '(' + str(self.x) + ', ' + str(self.y) + ')'
p = Point(1, 'a')
print(p)
print(repr(p), str(p), [p], {'k': p}, (p,))
print(f'{p} {p!r}', '%s %r' % (p, p), '{} {!r}'.format(p, p))
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr!'
print(OnlyRepr(), str(OnlyRepr()))
