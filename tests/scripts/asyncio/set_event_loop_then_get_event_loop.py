import asyncio
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
async def where():
    return asyncio.get_running_loop() is loop
print(loop.run_until_complete(where()))
other = asyncio.new_event_loop()
asyncio.set_event_loop(other)
print(asyncio.get_event_loop() is other, asyncio.get_event_loop() is loop)
asyncio.set_event_loop(None)
loop.close()
other.close()
print('closed both')
