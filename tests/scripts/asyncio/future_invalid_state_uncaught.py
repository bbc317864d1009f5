import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result('first')
    fut.set_result('second')
asyncio.run(main())
