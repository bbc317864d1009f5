import asyncio
log = []
async def child(name, delay):
    await asyncio.sleep(delay)
    log.append(name)
    return name * 2
async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child('a', 0.2))
        t2 = tg.create_task(child('b', 0.1), name='named-b')
        log.append('body done')
    log.append('group exited')
    print(log)
    print(t1.result(), t2.result(), t2.get_name())
asyncio.run(main())
