class Animal:
    pass
class Dog(Animal):
    pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, str))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance('s', (int, str)))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(issubclass(Dog, (str, Animal)), issubclass(int, object))
print(isinstance(None, type(None)), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(ValueError(), Exception), issubclass(KeyError, Exception))
try:
    issubclass(d, Animal)
except TypeError as e:
    print('TypeError:', e)
