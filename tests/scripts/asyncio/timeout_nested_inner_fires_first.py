import asyncio
async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout fired')
            await asyncio.sleep(0.05)
            print('outer block continues')
    except TimeoutError:
        print('outer timeout fired')
    else:
        print('outer timeout did not fire')
asyncio.run(main())
