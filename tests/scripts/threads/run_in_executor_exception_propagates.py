import asyncio


def broken(x):
    return {}[x]


async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, broken, 'missing key')
    except KeyError as e:
        print('awaiting the executor future raised', repr(e))


asyncio.run(main())
