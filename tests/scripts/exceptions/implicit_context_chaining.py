try:
    try:
        [][0]
    except IndexError:
        {}['x']
except KeyError as e:
    print('KeyError', e)
    print('context', type(e.__context__).__name__, e.__context__)
    print('cause', e.__cause__)
try:
    try:
        raise ValueError('first')
    finally:
        raise TypeError('from finally')
except TypeError as e:
    print(type(e.__context__).__name__, e.__context__)
def handler():
    try:
        raise OSError_like()
    except Exception as e:
        return e
class OSError_like(Exception):
    pass
print(handler().__context__)
