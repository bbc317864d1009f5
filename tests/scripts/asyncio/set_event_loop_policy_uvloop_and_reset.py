import asyncio
import uvloop
async def main():
    await asyncio.sleep(0.05)
    return 'ran'
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
print('with uvloop policy:', asyncio.run(main()))
asyncio.set_event_loop_policy(None)
print('back to the default policy:', asyncio.run(main()))
