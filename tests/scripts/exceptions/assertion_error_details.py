def check_positive(n):
    assert n > 0, ('not positive', n)
    return n
for n in [3, -1]:
    try:
        print(check_positive(n))
    except AssertionError as e:
        print('AssertionError', e.args, str(e))
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
