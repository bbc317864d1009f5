import asyncio


async def func():
    print("来玩呀")
    response = await asyncio.sleep(2)
    print("结束",response)


asyncio.run( func() )
