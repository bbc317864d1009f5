# LEGACY GOLDEN SCRIPT. Tutorial section 3.6 (asyncio + 不支持异步的模块) with
# `requests.get` replaced by a time.sleep stand-in (no network here) but the
# tutorial's bare coroutines passed to asyncio.wait() kept. CPython 3.11
# refuses them (TypeError, recorded here); pylite keeps the Python 3.7
# behaviour with a DeprecationWarning (issue 4), so tst_golden_legacy
# compares pylite with legacy/py37/ (CPython 3.11 plus the legacy37.py
# shim) instead of these .out/.err/.rc. The 3.11-compatible version is
# threads/tutorial_3_6_asyncio_with_blocking_downloads.py.
import asyncio
import time


class FakeResponse:
    def __init__(self, url):
        self.content = url.encode('utf-8')


def fake_requests_get(url):
    time.sleep(0.1)
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


if __name__ == '__main__':
    url_list = [
        'https://www3.autoimg.cn/newsdfs/g26/M02/35/A9/120x90_0_autohomecar__ChsEe12AXQ6AOOH_AAFocMs8nzU621.jpg',
        'https://www2.autoimg.cn/newsdfs/g30/M01/3C/E2/120x90_0_autohomecar__ChcCSV2BBICAUntfAADjJFd6800429.jpg',
        'https://www3.autoimg.cn/newsdfs/g26/M0B/3C/65/120x90_0_autohomecar__ChcCP12BFCmAIO83AAGq7vK0sGY193.jpg'
    ]

    tasks = [ download_image(url) for url in url_list]

    loop = asyncio.get_event_loop()
    loop.run_until_complete( asyncio.wait(tasks) )
