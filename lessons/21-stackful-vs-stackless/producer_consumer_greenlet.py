from greenlet import greenlet


def send(item):
    # 普通函数,被 producer 调用;切换就发生在这个嵌套调用的深处
    print("生产", item)
    consumer_gr.switch(item)


def producer():
    for item in range(3):
        send(item)
    consumer_gr.switch(None)


def consumer():
    while True:
        item = producer_gr.switch()
        if item is None:
            break
        print("消费", item)


producer_gr = greenlet(producer)
consumer_gr = greenlet(consumer)
consumer_gr.switch()
