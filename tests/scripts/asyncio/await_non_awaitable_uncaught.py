import asyncio
async def main():
    result = await 42
asyncio.run(main())
