s = 'text'
print(f'{s!r} {s!s} {s}')
quote = "it's"
print(f'{"中文"!r} {"a b"!r} {quote!r}')
class P:
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'a P'
p = P()
print(f'{p} {p!s} {p!r}')
print(f'{[1, "a"]!s} {[1, "a"]!r}')
print(f'{s!r:>10}|{s!s:<8}|')
print(f'{3.0!r} {None!r}')
