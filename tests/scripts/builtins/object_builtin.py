o = object()
print(type(o).__name__, isinstance(o, object), o == o, o is not object())
class Plain(object):
    pass
print(issubclass(Plain, object), Plain.__name__, isinstance(Plain(), object))
try:
    o.attr = 1
except AttributeError as e:
    print('AttributeError:', e)
sentinel = object()
d = {'a': 1}
print(d.get('b', sentinel) is sentinel)
