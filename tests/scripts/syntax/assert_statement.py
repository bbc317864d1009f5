assert True
assert 1 + 1 == 2, 'math works'
try:
    assert 1 > 2, 'one is not greater than two'
except AssertionError as e:
    print('AssertionError:', e, e.args)
try:
    assert []
except AssertionError as e:
    print('bare assert:', repr(e), e.args)
x = 5
try:
    assert x < 0, f'x={x} must be negative'
except AssertionError as e:
    print(e)
