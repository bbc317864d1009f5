import asyncio
import threading


def blocking():
    return threading.current_thread().name


async def main():
    loop = asyncio.get_running_loop()
    name = await loop.run_in_executor(None, blocking)
    print(name, threading.current_thread().name)


asyncio.run(main())
