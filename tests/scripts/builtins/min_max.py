print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'))
print(min(['bb', 'a', 'ccc'], key=len), max(['bb', 'a', 'ccc'], key=len))
print(max([(1, 'b'), (1, 'a')]), min([-3, 2], key=abs))
print(max(1, 2.5), min(0, -0.5), max([True, 2]))
print(max([2, 7, 7], key=lambda x: x % 5))
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
