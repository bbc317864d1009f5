import asyncio
loop = asyncio.new_event_loop()
print(loop.is_closed())
loop.close()
print(loop.is_closed())
loop.close()
print('closing twice is fine')
async def job():
    return 1
c = job()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()
try:
    loop.call_soon(print, 'never')
except RuntimeError as e:
    print('RuntimeError:', e)
