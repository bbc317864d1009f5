import types
@types.coroutine
def request(value):
    reply = yield value
    return reply
async def handler():
    a = await request('first question')
    b = await request('second question')
    return a + ' & ' + b
c = handler()
print(c.send(None))
print(c.send('answer one'))
try:
    c.send('answer two')
except StopIteration as e:
    print('finished with', e.value)
