import asyncio
async def inner():
    return 'inner'
async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(await c)
asyncio.run(main())
