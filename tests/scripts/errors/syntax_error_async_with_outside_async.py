import asyncio
def f():
    async with asyncio.Lock():
        pass
