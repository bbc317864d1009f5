import asyncio
log = []
async def step(name):
    log.append(name + '1')
    await asyncio.sleep(0)
    log.append(name + '2')
async def main():
    tasks = [asyncio.create_task(step(n)) for n in 'abc']
    log.append('main')
    await asyncio.sleep(0)
    log.append('main again')
    await asyncio.gather(*tasks)
    print(' '.join(log))
asyncio.run(main())
