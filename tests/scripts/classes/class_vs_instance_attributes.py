class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
c1 = Counter()
c2 = Counter()
print(Counter.count, c1.count, c1.id, c2.id)
c1.count = 100
print(Counter.count, c1.count, c2.count)
c1.items.append('shared')
print(c2.items, Counter.items)
del c1.count
print(c1.count)
Counter.count = 7
print(c1.count, c2.count)
