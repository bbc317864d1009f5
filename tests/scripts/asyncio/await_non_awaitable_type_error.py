import asyncio
class NotAwaitable:
    pass
async def main():
    for value in [5, 'text', None, NotAwaitable()]:
        try:
            await value
        except TypeError as e:
            print('TypeError:', e)
asyncio.run(main())
