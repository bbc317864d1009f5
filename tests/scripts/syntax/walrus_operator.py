data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list of', n)
values = iter(data)
total = 0
while (v := next(values, None)) is not None:
    total += v
print('total', total, 'last', v)
print([y for x in data if (y := x * 2) > 6])
print(y)
print((z := 5) + z)
