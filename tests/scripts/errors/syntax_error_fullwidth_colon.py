if True：
    print('x')
