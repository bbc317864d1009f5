import asyncio
async def main():
    event = asyncio.Event()
    event.set()
    print(await event.wait())
    event.clear()
    print(event.is_set())
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, event.set)
    print(await event.wait(), event.is_set())
    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.05)
    except asyncio.TimeoutError:
        print('an unset event times out')
asyncio.run(main())
