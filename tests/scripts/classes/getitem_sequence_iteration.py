class Letters:
    def __getitem__(self, index):
        print('getitem', index)
        if index >= 3:
            raise IndexError(index)
        return 'abc'[index]
for ch in Letters():
    print('got', ch)
print(list(Letters()))
print('b' in Letters())
