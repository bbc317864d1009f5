from greenlet import greenlet, getcurrent
def generate(func):
    consumer = getcurrent()
    results = []
    def emit(value):
        consumer.switch(('value', value))
    g = greenlet(lambda: func(emit))
    while True:
        kind_value = g.switch()
        if g.dead:
            return results
        results.append(kind_value[1])
def walk(emit):
    def visit(node):
        if isinstance(node, list):
            for child in node:
                visit(child)
        else:
            emit(node)
    visit([1, [2, [3, 4]], 5])
print(generate(walk))
