print(int(), float(), bool(), str(), list(), tuple(), dict(), set(), frozenset())
print(int('12'), int(12.9), int(-12.9), int('-0'), int(True), int(' 7\n'))
print(int('1_000'), int('0b101', 2), int('0o17', 8), int('ff', 16), int('FF', 16))
print(float('1.5'), float(' -2 '), float('1e-3'), float('inf'), float(7))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(''), bool(' '), bool([]), bool([0]), bool(None))
for bad in ['1.5', '', 'ten', '1 2']:
    try:
        int(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
