class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print('get', key)
        return self.cells.get(key, '.')
    def __setitem__(self, key, value):
        print('set', key, value)
        self.cells[key] = value
g = Grid()
g[0, 1] = 'X'
print(g[0, 1], g[1, 1])
g['name'] = 'grid'
print(g['name'])
class Squares:
    def __getitem__(self, i):
        if isinstance(i, int):
            return i * i
        return 'slice'
s = Squares()
print(s[4], s[-3], s[1:3])
