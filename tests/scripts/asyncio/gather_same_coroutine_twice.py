import asyncio
async def once():
    await asyncio.sleep(0)
    return 'x'
async def main():
    c = once()
    print(await asyncio.gather(c, c))
asyncio.run(main())
