import asyncio
import types
@types.coroutine
def suspend():
    yield 'suspended'
async def stubborn():
    try:
        await suspend()
    except GeneratorExit:
        print('ignoring GeneratorExit')
        await suspend()
c = stubborn()
print(c.send(None))
try:
    c.close()
except RuntimeError as e:
    print('RuntimeError:', e)
