value = 'module'
def outer():
    value = 'outer local'
    def inner():
        global value
        value = 'set by inner'
    inner()
    return value
print(outer(), value)
def reader():
    def inner():
        return value
    return inner()
print(reader())
