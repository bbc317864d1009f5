class Value:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(Value(1) == Value(1), Value(1) != Value(2))
print(Value.__hash__ is None)
try:
    {Value(1)}
except TypeError as e:
    print('TypeError:', e)
class Plain:
    pass
print(Plain() == Plain(), len({Plain(), Plain()}))
