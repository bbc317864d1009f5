def f():
    local_a = 1
    return local_a
f()
try:
    print(local_a)
except NameError as e:
    print('NameError:', e)
def g(param):
    param = param + 1
    return param
v = 1
print(g(v), v)
def h(lst):
    lst.append('mutated')
    lst = ['rebound']
    return lst
data = []
print(h(data), data)
