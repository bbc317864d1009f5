def nothing():
    pass
class Empty:
    pass
for _ in range(2):
    pass
if True:
    pass
print(nothing(), Empty.__name__, 'pass does nothing')
