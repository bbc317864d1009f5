class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit with', exc_type.__name__ if exc_type else None, repr(exc))
        return exc_type is not None and issubclass(exc_type, self.kind)
with Suppress(KeyError):
    {}['missing']
print('KeyError was suppressed')
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed:', e)
with Suppress(KeyError) as s:
    print('body', type(s).__name__)
def inner():
    with Suppress(ValueError):
        return 'return value survives __exit__'
print(inner())
