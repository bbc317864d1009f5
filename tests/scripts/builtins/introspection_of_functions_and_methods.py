class Greeter:
    def hello(self):
        "Say hello."
        return 'hello'
    @staticmethod
    def util():
        return 'util'
g = Greeter()
print(Greeter.hello.__name__, g.hello.__name__, g.hello.__doc__)
print(Greeter.util.__name__, g.util())
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer.__doc__)
print(print.__name__, abs.__name__)
