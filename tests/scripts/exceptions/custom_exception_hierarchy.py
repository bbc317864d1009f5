class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__('not found: ' + name)
        self.name = name
class Forbidden(AppError):
    pass
for exc in [NotFound('page'), Forbidden('no access'), AppError('generic')]:
    try:
        raise exc
    except NotFound as e:
        print('NotFound', e.name, e, e.args)
    except AppError as e:
        print(type(e).__name__, e)
print(issubclass(NotFound, Exception), issubclass(NotFound, BaseException))
print(isinstance(NotFound('x'), AppError), NotFound.__name__)
