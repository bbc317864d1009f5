count = 10
def increment():
    count += 1
    return count
try:
    increment()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
def later():
    print(value)
    value = 1
try:
    later()
except NameError as e:
    print(type(e).__name__, isinstance(e, NameError), e)
def deleted():
    x = 1
    del x
    return x
try:
    deleted()
except UnboundLocalError as e:
    print(e)
