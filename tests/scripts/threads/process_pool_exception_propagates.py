from concurrent.futures import ProcessPoolExecutor


def divide(a, b):
    return a / b


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=1) as pool:
        ok = pool.submit(divide, 10, 4)
        bad = pool.submit(divide, 1, 0)
        print(ok.result())
        try:
            bad.result()
        except ZeroDivisionError as e:
            print('ZeroDivisionError from the worker process:', e)
