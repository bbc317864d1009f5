# LEGACY GOLDEN SCRIPT. asyncio.get_event_loop() with no loop set makes one
# implicitly: a DeprecationWarning at that call only (not at a second call
# that finds the loop, not after set_event_loop), naming asyncio.run().
# CPython 3.11.2 is silent; tst_golden_legacy compares pylite with
# legacy/py37/ (CPython 3.11 plus the legacy37.py shim, which warns the same).
import asyncio


async def work(n):
    await asyncio.sleep(0.1 * n)
    return n * 10


loop = asyncio.get_event_loop()
again = asyncio.get_event_loop()
print("same loop:", loop is again)
print(loop.run_until_complete(work(1)))

fresh = asyncio.new_event_loop()
asyncio.set_event_loop(fresh)
print("set loop returned:", asyncio.get_event_loop() is fresh)
print(fresh.run_until_complete(work(2)))
fresh.close()
loop.close()
