def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print('found', target, 'at', i)
            break
    else:
        print(target, 'not found')
find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
for ch in 'ab':
    print(ch)
else:
    print('done')
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print('inner else never')
    print('outer', i)
