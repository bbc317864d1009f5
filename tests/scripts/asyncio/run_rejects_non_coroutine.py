import asyncio
async def coro():
    return 1
for bad in [5, None, coro]:
    try:
        asyncio.run(bad)
    except ValueError as e:
        print('ValueError:', str(e).split(' got ')[0])
