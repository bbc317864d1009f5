# Chained comparisons evaluate the middle operand once.
calls = []
def middle():
    calls.append('m')
    return 5
print(1 < middle() < 10, calls)
print(1 < 2 < 3, 3 > 2 > 1, 1 < 3 < 2, 1 == 1 == 1, 1 == 1 != 2)
print(1 <= 1 < 2 <= 2, 5 > 4 >= 4 > 3)
print('a' < 'b' < 'c', [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(2 == 2.0, 2 != '2', 'abc' <= 'abd', 'Z' < 'a')
def loud(v):
    print('eval', v)
    return v
print(loud(3) < loud(2) < loud(1))
x = 5
print(0 < x < 10 and x != 7)
