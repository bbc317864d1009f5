log = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append('body%d' % i)
    finally:
        log.append('finally%d' % i)
print(' '.join(log))
n = 0
while True:
    try:
        n += 1
        if n < 3:
            continue
        break
    finally:
        print('finally n =', n)
def returns_in_loop():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print('cleanup', i)
print(returns_in_loop())
