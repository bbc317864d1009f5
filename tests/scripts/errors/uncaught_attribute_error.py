class User:
    def __init__(self):
        self.name = 'li'
u = User()
print(u.name)
print(u.age)
