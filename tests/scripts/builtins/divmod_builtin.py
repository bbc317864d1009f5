print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(0, 3))
print(divmod(7.5, 2), divmod(-7.5, 2))
q, r = divmod(100, 7)
print(q, r, q * 7 + r)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
