# Tutorial section 3.2: calling a coroutine function only creates a
# coroutine object; its body never runs (CPython warns at exit).
async def func():
    pass


result = func()
print(type(result).__name__)
