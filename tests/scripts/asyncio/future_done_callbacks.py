import asyncio
log = []
def cb(name):
    def callback(fut):
        log.append(name + ' sees ' + repr(fut.result()))
    return callback
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(cb('first'))
    fut.add_done_callback(cb('second'))
    fut.set_result('value')
    log.append('after set_result, callbacks not yet run')
    await asyncio.sleep(0)
    fut.add_done_callback(cb('late'))
    log.append('late callback added to a done future')
    await asyncio.sleep(0)
    print('\n'.join(log))
asyncio.run(main())
