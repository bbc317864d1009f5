class EvenNumbers:
    def __contains__(self, n):
        print('contains?', n)
        return n % 2 == 0
evens = EvenNumbers()
print(4 in evens, 5 in evens, 7 not in evens)
class Listy:
    def __init__(self):
        self.data = [1, 2, 3]
    def __iter__(self):
        return iter(self.data)
print(2 in Listy(), 9 in Listy())
