class A:
    def __init__(self):
        print('A.__init__')
        self.trail = ['A']
    def hello(self):
        return 'A.hello'
class B(A):
    def __init__(self):
        print('B.__init__ before')
        super().__init__()
        self.trail.append('B')
        print('B.__init__ after')
    def hello(self):
        return 'B.hello > ' + super().hello()
class C(B):
    def hello(self):
        return 'C.hello > ' + super().hello()
c = C()
print(c.trail)
print(c.hello())
print(super(C, c).hello())
