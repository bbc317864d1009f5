import asyncio
async def agen():
    yield 1
def not_async():
    async for x in agen():
        print(x)
