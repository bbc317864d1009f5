print(len('abc'), len(''), len('中文'), len([1, 2]), len(()), len({'a': 1}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(range(5, 0)), len(b'xyz'), len(frozenset()))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
