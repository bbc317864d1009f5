print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'))
print('{:*^10}|{:0>4}'.format('mid', 7))
print('{:.3f} {:10.2f}| {:e}'.format(2 / 3, 2 / 3, 2 / 3))
print('{:,} {:x} {:#o} {:b}'.format(1234567, 255, 8, 5))
print('{:+} {:+} {: }'.format(5, -5, 5))
print('{:.1%}'.format(0.1234))
print('{0:>{1}}|'.format('w', 5))
print('{:d}'.format(10), '{:s}'.format('s'))
try:
    '{:d}'.format('x')
except ValueError as e:
    print('ValueError:', e)
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
