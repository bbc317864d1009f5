def f():
    return missing_variable
try:
    f()
except NameError as e:
    print('NameError:', e, e.args)
try:
    print(undefined_thing)
except NameError as e:
    print(type(e).__name__, str(e))
lenght = 3
try:
    print(lenth)
except NameError as e:
    print(e)
