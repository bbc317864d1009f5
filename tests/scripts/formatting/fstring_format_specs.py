pi = 3.14159265
n = 1234567
print(f'{pi:.2f} {pi:.0f} {pi:8.3f}| {pi:<8.1f}| {pi:^9.2f}|')
print(f'{n:,} {n:_} {n:>12,}| {n:012d}')
print(f'{42:5d}|{42:<5d}|{42:^5d}|{42:05d}|{-42:05d}')
print(f'{255:x} {255:X} {255:#x} {255:08x} {255:b} {8:o}')
print(f'{0.25:%} {0.25:.1%} {1234.5:e} {1234.5:.2e}')
print(f'{"ab":*^8} {"ab":->6} {"ab":.<6}|')
print(f'{5:+d} {-5:+d} {5: d} {3.5:+.1f}')
print(f'{1e20:.3g} {0.000012345:.3g} {123.456:g}')
print(f'{"truncate":.3}|{"pad":10}|{7:10}|')
width, prec = 10, 3
print(f'{pi:{width}.{prec}f}|')
print(f'{True:d} {True}')
