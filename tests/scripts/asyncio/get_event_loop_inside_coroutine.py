import asyncio
async def main():
    running = asyncio.get_running_loop()
    current = asyncio.get_event_loop()
    print(running is current, running.is_closed())
    return running
loop = asyncio.run(main())
print(loop.is_closed())
