for n in [-3, 0, 4]:
    sign = 'negative' if n < 0 else 'zero' if n == 0 else 'positive'
    print(n, sign)
x = 10
print('big' if x > 5 else 'small', ('even' if x % 2 == 0 else 'odd').upper())
print([a if a % 2 else -a for a in range(5)])
f = (lambda v: 'yes' if v else 'no')
print(f(1), f(0), f([]))
def loud(v):
    print('eval', v)
    return v
print(loud('A') if loud(False) else loud('B'))
