import asyncio
async def child(name):
    me = asyncio.current_task()
    print('inside', name, me.get_name())
    await asyncio.sleep(0.1)
async def main():
    main_task = asyncio.current_task()
    print('main task name', main_task.get_name())
    tasks = [asyncio.create_task(child(n), name=n) for n in ('x', 'y')]
    await asyncio.sleep(0)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(main_task in asyncio.all_tasks())
    await asyncio.gather(*tasks)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
asyncio.run(main())
