import asyncio
async def background():
    await asyncio.sleep(0.2)
    return 'background result'
async def main():
    task = asyncio.create_task(background())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.05)
    except asyncio.TimeoutError:
        print('timed out, task still running:', not task.done())
    print(await task)
asyncio.run(main())
