def send(item):
    # 想在嵌套调用里交出值,send 自己也必须是生成器
    print("生产", item)
    yield item


def producer():
    for item in range(3):
        yield from send(item)


def consumer(items):
    for item in items:
        print("消费", item)


consumer(producer())
