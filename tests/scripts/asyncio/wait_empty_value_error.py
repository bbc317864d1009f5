import asyncio
async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await asyncio.wait([asyncio.create_task(asyncio.sleep(0))], return_when='SOMETIMES')
    except ValueError as e:
        print('ValueError:', e)
    await asyncio.sleep(0)
asyncio.run(main())
