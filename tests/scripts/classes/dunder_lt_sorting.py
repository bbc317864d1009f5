class Version:
    def __init__(self, text):
        self.parts = [int(p) for p in text.split('.')]
        self.text = text
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'v' + self.text
vs = [Version('1.10'), Version('1.2'), Version('0.9.1'), Version('1.2.1')]
print(sorted(vs))
print(min(vs), max(vs))
print(Version('1.0') < Version('1.1'), Version('2.0') > Version('1.1'))
try:
    Version('1.0') <= Version('1.1')
except TypeError as e:
    print('TypeError:', e)
