print('{} and {}'.format('a', 'b'))
print('{1} {0} {1}'.format('x', 'y'))
print('{name} is {age}'.format(name='Ada', age=36))
print('{0} {x}'.format('pos', x='kw'))
print('{0[1]} {0[0]}'.format(['first', 'second']))
print('{d[key]}'.format(d={'key': 'value'}))
class P:
    x = 3
    y = 4
print('({p.x}, {p.y})'.format(p=P()))
print('{{}} {}'.format('braces'))
print('{!r} {!s}'.format('r', 's'))
args = ['u', 'v']
print('{}-{}'.format(*args), '{a}/{b}'.format(**{'a': 1, 'b': 2}))
