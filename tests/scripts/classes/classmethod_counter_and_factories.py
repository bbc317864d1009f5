class Pizza:
    made = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.made += 1
    @classmethod
    def margherita(cls):
        return cls(['mozzarella', 'tomato'])
    @classmethod
    def count(cls):
        return cls.made
    def __repr__(self):
        return 'Pizza(' + repr(self.toppings) + ')'
print(Pizza.margherita(), Pizza(['ham']), Pizza.count())
print(Pizza.margherita().count())
