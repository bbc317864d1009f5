import asyncio
async def add(a, b):
    await asyncio.sleep(0.05)
    return a + b
loop = asyncio.new_event_loop()
print(loop.is_closed())
print(loop.run_until_complete(add(1, 2)))
print(loop.run_until_complete(add(3, 4)))
loop.close()
print(loop.is_closed())
