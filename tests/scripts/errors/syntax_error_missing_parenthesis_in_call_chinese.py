name = '世界'
print('你好', name
