print(hex(0), hex(255), hex(-255), hex(16), hex(4096), hex(20013))
print(hex(9223372036854775807), int(hex(255), 16))
try:
    hex(1.5)
except TypeError as e:
    print('TypeError:', e)
