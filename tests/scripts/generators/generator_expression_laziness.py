log = []
def numbers():
    for n in range(4):
        log.append('gen %d' % n)
        yield n
g = (n * n for n in numbers() if n % 2 == 0)
print('created, log =', log)
print(next(g), log)
print(list(g), log)
print(sum(x for x in range(5)), list(x for x in []))
