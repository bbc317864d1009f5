import asyncio
def plain():
    return 1
async def main():
    for bad in [5, 'text', None]:
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print('TypeError:', e)
    f = plain
    try:
        asyncio.create_task(f)
    except TypeError as e:
        print('TypeError for a plain function:', str(e).startswith('a coroutine was expected'))
asyncio.run(main())
