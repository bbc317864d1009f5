x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        x = 'local'
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer(), x)
def uses_builtin():
    return len('abc')
def shadows_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(uses_builtin(), shadows_builtin(), len('abc'))
def global_only():
    return x
print(global_only())
