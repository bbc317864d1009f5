import asyncio
loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_later(0.05, fut.set_result, 'resolved by call_later')
print(loop.run_until_complete(fut))
task = loop.create_task(asyncio.sleep(0.05, 'task result'))
print(loop.run_until_complete(task))
async def both():
    return await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0, 2))
print(loop.run_until_complete(both()))
loop.close()
