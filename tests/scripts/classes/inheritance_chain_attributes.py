class A:
    x = 'A.x'
    def who(self):
        return 'A'
    def call_who(self):
        return self.who()
class B(A):
    y = 'B.y'
class C(B):
    x = 'C.x'
    def who(self):
        return 'C'
c = C()
print(c.x, c.y, c.who(), c.call_who(), B().call_who())
print(issubclass(C, A), isinstance(c, B), C.__name__)
print(getattr(c, 'x'), hasattr(c, 'y'), hasattr(A(), 'y'))
