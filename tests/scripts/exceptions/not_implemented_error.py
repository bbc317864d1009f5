class Base:
    def area(self):
        raise NotImplementedError('subclasses implement area()')
class Square(Base):
    def area(self):
        return 4
for s in [Square(), Base()]:
    try:
        print(s.area())
    except NotImplementedError as e:
        print('NotImplementedError:', e)
try:
    raise NotImplementedError
except NotImplementedError as e:
    print(repr(e))
