class WithCall:
    def __call__(self):
        return 'called'
class Without:
    pass
def f():
    pass
print(callable(f), callable(lambda: 0), callable(print), callable(len), callable(int))
print(callable(WithCall()), callable(Without()), callable(Without), callable(5), callable('s'))
print(WithCall()(), callable(None), callable([].append))
