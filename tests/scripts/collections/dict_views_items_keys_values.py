d = {'x': 1, 'y': 2, 'z': 3}
print(d.keys(), d.values(), d.items())
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v, end=' ')
print()
for k in d:
    print(k, end=' ')
print()
keys = d.keys()
d['w'] = 0
print(keys, len(keys), 'w' in keys)
print(sum(d.values()), sorted(d.items(), key=lambda kv: kv[1]))
print(list(reversed(list(d))))
