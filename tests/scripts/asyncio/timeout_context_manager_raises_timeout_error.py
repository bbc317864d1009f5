import asyncio
log = []
async def main():
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                log.append('inner sleep cancelled')
                raise
    except TimeoutError as e:
        log.append('TimeoutError ' + type(e).__name__)
    log.append('main continues')
    print(log)
asyncio.run(main())
