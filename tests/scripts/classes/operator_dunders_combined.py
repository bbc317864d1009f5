class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __contains__(self, v):
        return v in self.c
    def __iter__(self):
        return iter(self.c)
    def __eq__(self, other):
        return self.c == other.c
    def __hash__(self):
        return len(self.c)
    def __lt__(self, other):
        return sum(self.c) < sum(other.c)
    def __bool__(self):
        return any(self.c)
    def __call__(self, k):
        return Vec(*[k * x for x in self.c])
    def __repr__(self):
        return 'Vec' + repr(tuple(self.c))
v = Vec(1, 2, 3)
v[0] = 10
print(v, len(v), v[1], 2 in v, list(v), bool(Vec(0, 0)), v(2))
print(sorted([Vec(5), Vec(1, 1), Vec(0)]), Vec(1) == Vec(1), len({Vec(1), Vec(1)}))
