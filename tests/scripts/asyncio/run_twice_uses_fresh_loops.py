import asyncio
async def which():
    return asyncio.current_task().get_name()
loops = []
async def remember():
    loops.append(asyncio.get_running_loop())
    return await which()
print(asyncio.run(remember()))
print(asyncio.run(remember()))
print(loops[0] is loops[1], loops[0].is_closed(), loops[1].is_closed())
