class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, other):
        print('eq called')
        return isinstance(other, Card) and (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return self.rank + self.suit
a = Card('A', 's')
b = Card('A', 's')
c = Card('K', 'h')
print(a == b, a != c, a is b)
print(len({a, b, c}))
d = {a: 'ace'}
print(d[b])
print(a == 'As')
print([a, c].index(b))
