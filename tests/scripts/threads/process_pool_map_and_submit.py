from concurrent.futures import ProcessPoolExecutor
import threading


def cube(x):
    return x * x * x


def describe(x):
    return threading.current_thread().name + ' computed ' + str(x * 2)


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(cube, range(6))))
        fut = pool.submit(describe, 21)
        print(fut.result())
    print('pool closed')
