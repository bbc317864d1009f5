import asyncio
log = []
async def waiter(name, event):
    log.append(name + ' waiting')
    await event.wait()
    log.append(name + ' woke')
async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ('a', 'b', 'c')]
    await asyncio.sleep(0.05)
    print(event.is_set())
    log.append('setting')
    event.set()
    await asyncio.gather(*tasks)
    print(event.is_set(), log)
asyncio.run(main())
