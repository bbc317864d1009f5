import asyncio
async def child():
    return asyncio.current_task().get_name()
async def main():
    names = [asyncio.current_task().get_name()]
    names.append(await asyncio.create_task(child()))
    names.extend(await asyncio.gather(child(), child()))
    names.append(await child())
    print(names)
asyncio.run(main())
