class K:
    value = 10
    doubled = value * 2
    def method(self):
        try:
            return value
        except NameError as e:
            return 'NameError: ' + str(e)
    def method_ok(self):
        return self.value + K.doubled
print(K.doubled, K().method(), K().method_ok())
y = 'module y'
class L:
    y = 'class y'
    def get(self):
        return y
print(L().get(), L.y)
