# Tutorial section 2 (协程意义), the asynchronous version. The aiohttp
# session and response are replaced by stand-ins whose "download" is
# `await asyncio.sleep(...)` (no network here); distinct delays keep the
# completion order stable. Everything else is the tutorial's code.
import asyncio


class FakeContent:
    def __init__(self, url, delay):
        self.url = url
        self.delay = delay

    async def read(self):
        await asyncio.sleep(self.delay)
        return self.url.encode('utf-8')


class FakeResponse:
    def __init__(self, url, delay):
        self.content = FakeContent(url, delay)

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False


class FakeSession:
    def __init__(self):
        self.delays = [0.3, 0.1, 0.2]

    def get(self, url, verify_ssl=True):
        return FakeResponse(url, self.delays.pop(0))

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False


async def fetch(session, url):
    print("发送请求:", url)
    async with session.get(url, verify_ssl=False) as response:
        content = await response.content.read()
        file_name = url.rsplit('_')[-1]
        with open(file_name, mode='wb') as file_object:
            file_object.write(content)
        print('下载完成',url)


async def main():
    async with FakeSession() as session:
        url_list = [
            'https://www3.autoimg.cn/newsdfs/g26/M02/35/A9/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg',
            'https://www2.autoimg.cn/newsdfs/g30/M01/3C/E2/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg',
            'https://www3.autoimg.cn/newsdfs/g26/M0B/3C/65/120x90_0_autohomecar__ChcCP12BFCmAIO83AAGq7vK0sGY193.jpg'
        ]
        tasks = [ asyncio.create_task(fetch(session, url)) for url in url_list ]

        await asyncio.wait(tasks)


if __name__ == '__main__':
    asyncio.run( main() )
