data = {'users': [{'name': '李', 'roles': ('admin', 'dev')}, {'name': 'Bob', 'roles': ()}], 'count': 2}
print(data)
print(repr(data['users'][0]))
print([[], [[]], [(), {}]])
print({'k': {'j': {'i': [1.5, None, True]}}})
print(str([1, 'a', "b'c"]))
empty = [[], {}, (), '', 0, 0.0, None, False]
print([bool(x) for x in empty])
