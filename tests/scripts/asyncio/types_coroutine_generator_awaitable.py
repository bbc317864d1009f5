import asyncio
import types
@types.coroutine
def pause_once(tag):
    received = yield
    return tag + ' resumed'
async def main():
    print(await pause_once('a'))
    print(await pause_once('b'))
asyncio.run(main())
@types.coroutine
def legacy_style():
    result = yield from asyncio.sleep(0.05, result='slept')
    return result
async def uses_legacy():
    return await legacy_style()
print(asyncio.run(uses_legacy()))
