try:
    [][0]
except IndexError:
    raise KeyError('clean message') from None
