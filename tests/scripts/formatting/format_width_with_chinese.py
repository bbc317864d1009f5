# Widths count code points, not display cells.
for word in ['中文', 'abc', '协程异步']:
    print(f'[{word:>6}] [{word:<6}] [{word:^7}]')
print('{:*>5}'.format('好'))
print('%-4s|' % '你')
