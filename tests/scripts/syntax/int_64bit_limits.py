# The largest and smallest 64-bit values; everything here stays inside 64 bits.
big = 9223372036854775807
small = -9223372036854775807 - 1
print(big)
print(small)
print(big - 1, small + 1)
print(big // 2, small // 2)
print(big % 10, small % 10)
print(-big == small + 1)
print(3037000499 * 3037000499)
print(2 ** 62, 2 ** 62 - 1 + 2 ** 62)
print(int('9223372036854775807'), int('-9223372036854775808'))
print(hex(big), hex(small))
print(abs(-9223372036854775807))
print(big > 2 ** 62, small < -(2 ** 62))
