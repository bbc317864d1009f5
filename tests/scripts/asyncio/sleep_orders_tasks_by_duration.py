import asyncio
log = []
async def nap(name, delay):
    log.append('start ' + name)
    await asyncio.sleep(delay)
    log.append('end ' + name)
async def main():
    await asyncio.gather(nap('slow', 0.3), nap('fast', 0.1), nap('medium', 0.2))
    print(', '.join(log))
asyncio.run(main())
