import asyncio
log = []
async def body():
    log.append('body ran')
async def main():
    t = asyncio.create_task(body())
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled(), log)
asyncio.run(main())
