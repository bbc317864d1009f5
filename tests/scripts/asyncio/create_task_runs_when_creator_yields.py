import asyncio
log = []
async def child():
    log.append('child runs')
async def main():
    t = asyncio.create_task(child())
    log.append('task created')
    log.append('still in main')
    await asyncio.sleep(0)
    log.append('main resumed')
    await t
    print(' | '.join(log))
asyncio.run(main())
