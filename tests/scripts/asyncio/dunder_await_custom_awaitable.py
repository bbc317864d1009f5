import asyncio
class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value
    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value
async def main():
    print(await Delay(0.05, 'custom awaitable'))
    print(await asyncio.gather(Delay(0.1, 'a'), Delay(0.05, 'b')))
asyncio.run(main())
