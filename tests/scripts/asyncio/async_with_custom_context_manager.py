import asyncio
log = []
class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.05)
        log.append('open ' + self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        log.append('close ' + self.name + ' ' + (exc_type.__name__ if exc_type else 'cleanly'))
        return exc_type is KeyError
async def main():
    async with Connection('a') as conn:
        log.append('using ' + conn.name)
    async with Connection('b'):
        raise KeyError('suppressed by __aexit__')
    try:
        async with Connection('c'):
            raise ValueError('propagates')
    except ValueError as e:
        log.append('caught ' + str(e))
    print('\n'.join(log))
asyncio.run(main())
