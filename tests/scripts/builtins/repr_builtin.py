print(repr(1), repr(1.5), repr('s'), repr(None), repr(True), repr([1, 's']), repr({'k': (1,)}))
print(repr(''), repr("'"), repr('"'), repr('\n'))
print(repr(range(3)), repr(set()), repr(frozenset()), repr(()), repr({}))
print(repr(b'x'), repr(ValueError('bad', 2)), repr(KeyError('k')))
class R:
    def __repr__(self):
        return 'R<custom>'
print(repr(R()), [R(), R()], str(R()))
