def gen():
    try:
        for i in range(5):
            yield i
    finally:
        print('gen finally')
g = gen()
for x in g:
    if x == 2:
        break
print('loop broke at', x)
g.close()
print('explicit close done')
def stops_early():
    yield 1
    return
    yield 2
print(list(stops_early()))
