# + - * / // % ** on ints and floats, including negative operands.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * (3 - 4) / 2)
print(10 / 2, type(10 / 2).__name__, type(10 // 2).__name__)
print(3 * 'ab', [0] * 3, (1, 2) * 2)
print(1 + 1.0, 3 - True, 2 * 0.5)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
