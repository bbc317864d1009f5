# Tutorial section 3.6 (asyncio + 不支持异步的模块). Changes: `requests.get`
# is replaced by a stand-in that blocks with time.sleep (no network here;
# distinct delays keep the order stable), and, for CPython 3.11, the
# coroutines are wrapped in tasks inside main() because asyncio.wait() no
# longer accepts bare coroutines. (The version that keeps the tutorial's
# bare coroutines is legacy/tutorial_3_6_wait_bare_coroutines.py.)
import asyncio
import time

DELAYS = {'ChsEe12AXQ6AOOH': 0.3, 'ChcCSV2BBICAUntfAADjJFd6800429': 0.1, 'ChcCP12BFCmAIO83AAGq7vK0sGY193': 0.2}


class FakeResponse:
    def __init__(self, url):
        self.content = url.encode('utf-8')


def fake_requests_get(url):
    for key, delay in DELAYS.items():
        if key in url:
            time.sleep(delay)
    return FakeResponse(url)


async def download_image(url):
    # 发送网络请求,下载图片(遇到网络下载图片的IO请求,自动化切换到其他任务)
    print("开始下载:", url)

    loop = asyncio.get_event_loop()
    # requests模块默认不支持异步操作,所以就使用线程池来配合实现了。
    future = loop.run_in_executor(None, fake_requests_get, url)

    response = await future
    print('下载完成')
    # 图片保存到本地文件
    file_name = url.rsplit('_')[-1]
    with open(file_name, mode='wb') as file_object:
        file_object.write(response.content)


async def main(url_list):
    tasks = [ asyncio.create_task(download_image(url)) for url in url_list]
    await asyncio.wait(tasks)


if __name__ == '__main__':
    url_list = [
        'https://www3.autoimg.cn/newsdfs/g26/M02/35/A9/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg',
        'https://www2.autoimg.cn/newsdfs/g30/M01/3C/E2/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg',
        'https://www3.autoimg.cn/newsdfs/g26/M0B/3C/65/120x90_0_autohomecar__ChcCP12BFCmAIO83AAGq7vK0sGY193.jpg'
    ]

    asyncio.run(main(url_list))
