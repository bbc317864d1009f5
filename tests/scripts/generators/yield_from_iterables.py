def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [], 6])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain('ab', [1, 2], range(2), (x * x for x in range(3)), {'k': 1})))
def tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    yield 'node%d' % depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
