d = {'a': 1}
print(d.get('a'), d.get('b'), d.get('b', 'default'), d)
print(d.setdefault('a', 100), d.setdefault('b', 2), d.setdefault('c'), d)
groups = {}
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
