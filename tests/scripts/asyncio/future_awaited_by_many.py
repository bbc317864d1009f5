import asyncio
log = []
async def waiter(name, fut):
    value = await fut
    log.append(name + ' got ' + value)
async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ('w1', 'w2', 'w3')]
    await asyncio.sleep(0.05)
    log.append('setting result')
    fut.set_result('shared')
    await asyncio.gather(*tasks)
    print(log)
asyncio.run(main())
