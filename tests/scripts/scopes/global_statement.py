counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
def create():
    global created
    created = 'made inside a function'
create()
print(created)
def reads_only():
    return counter * 10
print(reads_only())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
