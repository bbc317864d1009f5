class Account:
    bank = 'PyBank'
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        self.balance += amount
        return self.balance
    def describe(self):
        return self.owner + ' has ' + str(self.balance) + ' at ' + self.bank
a = Account('Ann')
b = Account('Ben', 50)
print(a.deposit(10), a.deposit(5), b.describe())
print(a.describe())
print(Account.deposit(b, 1), b.balance)
