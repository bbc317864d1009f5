import asyncio
async def job():
    return 1
c = job()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print('RuntimeError:', e)
c.close()
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    asyncio.current_task()
except RuntimeError as e:
    print('RuntimeError:', e)
