print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'a', [0]]), all([1, 0]))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
checked = []
def check(x):
    checked.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3]), checked)
checked.clear()
print(all(check(x) for x in [5, 0, 7]), checked)
print(any('ab'), all({}))
