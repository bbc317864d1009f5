def child(n):
    for i in range(n):
        yield i
    return 'child returned %d' % n
def parent():
    result1 = yield from child(2)
    print('parent got:', result1)
    result2 = yield from child(1)
    print('parent got:', result2)
    return 'parent done'
p = parent()
for v in p:
    print('value', v)
def wrapper():
    r = yield from parent()
    print('wrapper got:', r)
print(list(wrapper()))
