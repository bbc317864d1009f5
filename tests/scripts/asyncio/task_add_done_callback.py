import asyncio
log = []
def on_done(task):
    if task.cancelled():
        log.append(task.get_name() + ' cancelled')
    elif task.exception() is not None:
        log.append(task.get_name() + ' raised ' + repr(task.exception()))
    else:
        log.append(task.get_name() + ' returned ' + repr(task.result()))
async def ok():
    await asyncio.sleep(0.05)
    return 5
async def bad():
    await asyncio.sleep(0.1)
    raise KeyError('k')
async def sleepy():
    await asyncio.sleep(1)
async def main():
    tasks = [asyncio.create_task(ok(), name='ok'), asyncio.create_task(bad(), name='bad'),
             asyncio.create_task(sleepy(), name='sleepy')]
    for t in tasks:
        t.add_done_callback(on_done)
    await asyncio.sleep(0.15)
    tasks[2].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(log)
asyncio.run(main())
