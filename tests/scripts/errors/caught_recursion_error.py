def depth(n):
    return depth(n + 1) + 1
try:
    depth(0)
except RecursionError as e:
    print('RecursionError:', e)
    print(isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual recursion:', e)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))
