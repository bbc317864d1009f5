n = 0
while n < 3:
    print('loop', n)
    n += 1
else:
    print('else runs when the condition becomes false')
n = 0
while n < 10:
    if n == 2:
        print('break at', n)
        break
    n += 1
else:
    print('not printed')
while False:
    pass
else:
    print('else of a loop that never ran')
count = 5
while count:
    count -= 1
    if count % 2:
        continue
    print('even', count)
