import asyncio
log = []
state = {'ready': False}
async def waiter(name, cond):
    async with cond:
        result = await cond.wait_for(lambda: state['ready'])
        log.append(name + ' proceeds, predicate returned ' + str(result))
async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(n, cond)) for n in ('a', 'b', 'c')]
    await asyncio.sleep(0.05)
    async with cond:
        cond.notify_all()
        log.append('notified before ready')
    await asyncio.sleep(0.05)
    async with cond:
        state['ready'] = True
        cond.notify_all()
        log.append('notified when ready')
    await asyncio.gather(*tasks)
    print('\n'.join(log))
asyncio.run(main())
