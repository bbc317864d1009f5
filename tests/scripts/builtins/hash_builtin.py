print(hash(1), hash(0), hash(-1), hash(42), hash(True), hash(False))
print(hash(1) == hash(1.0), hash('abc') == hash('ab' + 'c'), hash((1, 2)) == hash((1, 2)))
print(type(hash('x')).__name__, hash(None) == hash(None))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
for bad in [[1], {'a': 1}, {1}]:
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
class Keyed:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return self.k * 10
print(hash(Keyed(3)))
