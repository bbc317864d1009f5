def show(a, b, c=3, *args, d=4, **kwargs):
    print('a', a, 'b', b, 'c', c, 'args', args, 'd', d, 'kwargs', kwargs)
show(1, 2)
show(1, b=20)
show(1, 2, 30, 40, 50)
show(1, 2, d=40, e=50, f=60)
nums = [7, 8, 9, 10]
opts = {'d': 'D', 'z': 'Z'}
show(*nums)
show(*nums, **opts)
show(0, *[1, 2], *(3,), **{'x': 1}, **{'y': 2})
show(b='B', a='A')
print(*[1, 2, 3], sep='-')
