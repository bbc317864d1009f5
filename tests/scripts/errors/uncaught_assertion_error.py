def check(x):
    assert x >= 0, 'x must be non-negative, got ' + str(x)
    return x
check(1)
check(-5)
