import asyncio
log = []
loop = asyncio.new_event_loop()
def tick(n):
    log.append('tick %d' % n)
    if n == 3:
        loop.stop()
    else:
        loop.call_soon(tick, n + 1)
loop.call_soon(tick, 1)
loop.run_forever()
log.append('run_forever returned')
loop.call_soon(log.append, 'second run')
loop.call_soon(loop.stop)
loop.run_forever()
print(log)
loop.close()
