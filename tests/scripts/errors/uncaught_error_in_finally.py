try:
    print('try body')
finally:
    raise RuntimeError('raised in finally')
