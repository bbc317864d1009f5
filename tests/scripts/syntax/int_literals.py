# Integer literals in every base, underscores and signs.
print(0, 7, -7, +7)
print(0x1F, 0XfF, 0o17, 0O7, 0b1011, 0B1)
print(1_000_000, 0x_ff, 0b_1010_1010)
print(10 // 3, -10 // 3, 10 % 3, -10 % 3)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2)
print(type(42).__name__, type(0x10).__name__)
print(00, 000)
