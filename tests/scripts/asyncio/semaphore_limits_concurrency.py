import asyncio
log = []
running = 0
peak = 0
async def job(name, sem):
    global running, peak
    async with sem:
        running += 1
        peak = max(peak, running)
        log.append(name + '+')
        await asyncio.sleep(0.05)
        log.append(name + '-')
        running -= 1
async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(n, sem) for n in 'abcde'))
    print(' '.join(log))
    print('peak concurrency', peak)
asyncio.run(main())
