print('before class')
class Config:
    print('class body runs at definition')
    values = [i * 2 for i in range(3)]
    total = sum(values)
    def method(self):
        return 'method'
print('after class', Config.values, Config.total)
Config()
Config()
print('no more body output')
