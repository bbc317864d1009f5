import asyncio


async def func():
    print("快来搞我吧!")


result = func()

# loop = asyncio.get_event_loop()
# loop.run_until_complete( result )

asyncio.run( result ) # python3.7
