print('Hello World'.upper(), 'Hello World'.lower())
print('中文ABC'.lower(), 'python 3.11'.upper())
print('123abc!'.upper(), ''.upper())
print('MiXeD'.lower() == 'mixed')
