print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))))
print(list(reversed(range(3))), ''.join(reversed('stressed')))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'done'))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
