print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum(range(5), start=100))
print(sum([0.1] * 10), sum([1, 2.5]), sum([True, True, False]))
print(sum([[1], [2, 3]], []))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
