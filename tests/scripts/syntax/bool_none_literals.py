print(True, False, None)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is True, None is None)
print(type(True).__name__, type(None).__name__)
print(not None, not 0, not '', not [], not 'x')
print(repr(None), str(True), [True, None])
x = None
if x is None:
    print('x is None')
print(True and 3, False or 'fallback', None or 0)
