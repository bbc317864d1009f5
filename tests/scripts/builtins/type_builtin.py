print(type(1), type('s'), type(1.5), type(None), type([]), type({}), type(()), type(set()))
print(type(True), type(range(1)), type(b''), type(frozenset()), type(print), type(len))
class Custom:
    pass
print(type(Custom()).__name__, type(Custom).__name__, type(type).__name__)
print(type(1) is int, type(True) is int, type(True) is bool)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__)
g = (x for x in [])
print(type(g).__name__)
print(type(ValueError('x')).__name__, type(object()).__name__)
