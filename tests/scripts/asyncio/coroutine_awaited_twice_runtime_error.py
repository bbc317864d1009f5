import asyncio
async def once():
    return 'first await works'
async def main():
    c = once()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print('RuntimeError:', e)
asyncio.run(main())
