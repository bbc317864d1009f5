import asyncio
log = []
async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_at(now + 0.2, log.append, 'call_at +0.2')
    loop.call_at(now + 0.1, log.append, 'call_at +0.1')
    loop.call_later(0.15, log.append, 'call_later 0.15')
    h = loop.call_at(now + 0.05, log.append, 'cancelled call_at')
    h.cancel()
    await asyncio.sleep(0.3)
    print(log)
asyncio.run(main())
