class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return False
with Resource('a') as value:
    print('body', value)
with Resource('x') as x, Resource('y') as y:
    print('both', x, y)
try:
    with Resource('boom'):
        raise ValueError('inside')
except ValueError as e:
    print('propagated', e)
def early():
    with Resource('r'):
        return 'returned'
print(early())
for i in range(3):
    with Resource('loop%d' % i):
        if i == 1:
            break
