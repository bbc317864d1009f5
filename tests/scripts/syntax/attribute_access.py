class Point:
    pass
p = Point()
p.x = 3
p.y = 4
print(p.x, p.y, p.x * p.y)
p.x += 10
print(p.x)
p.inner = Point()
p.inner.z = 'deep'
print(p.inner.z, 'hello'.upper().lower(), [3, 1, 2].copy())
print(Point.__name__, p.__class__.__name__)
del p.y
print(hasattr(p, 'y'), hasattr(p, 'x'))
