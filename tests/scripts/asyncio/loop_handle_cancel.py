import asyncio
log = []
async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(log.append, 'soon kept')
    h2 = loop.call_soon(log.append, 'soon cancelled')
    h3 = loop.call_later(0.1, log.append, 'later cancelled')
    h4 = loop.call_later(0.05, log.append, 'later kept')
    h2.cancel()
    h3.cancel()
    h2.cancel()
    await asyncio.sleep(0.2)
    print(log)
asyncio.run(main())
