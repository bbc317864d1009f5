import asyncio
log = []
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, log.append, 'at 0.3')
    loop.call_later(0.1, log.append, 'at 0.1')
    loop.call_later(0.2, log.append, 'at 0.2')
    loop.call_soon(log.append, 'soon')
    h = loop.call_later(0.05, log.append, 'later handle')
    print(type(h).__name__)
    await asyncio.sleep(0.4)
    print(log)
asyncio.run(main())
