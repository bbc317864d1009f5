async def func():
    pass


result = func()
