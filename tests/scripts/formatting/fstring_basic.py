name = 'Ada'
age = 36
print(f'{name} is {age}')
print(f"{name!r} next year {age + 1}")
print(F'upper {name.upper()} len {len(name)}')
items = {'a': 1}
print(f'{items["a"]} {items}')
print(f'{{literal braces}} {age}')
print(f'''triple {name}''')
print(f'{3 * 4}{"x" * 2}{[1, 2][1]}')
x = 5
print(f'{x} > 3 is {x > 3}')
print(f'{"中文"} {name:>5}')
print(f'{None} {True} {1.5}')
