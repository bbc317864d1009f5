total = 1 + \
        2 + \
        3
print(total)
items = [
    'a',
    'b',   # trailing comment
    'c',
]
print(items)
x = 1; y = 2; print(x + y)
value = (10
         * 2
         - 5)
print(value)
d = {
    'k': 1,
    'j': 2
}
print(d)
print('implicit' ' concatenation'
      ' across lines')
if (x == 1 and
        y == 2):
    print('multi-line condition')
