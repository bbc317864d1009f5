class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__('need ' + str(needed) + ' more')
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount
print(withdraw(10, 3))
withdraw(10, 25)
