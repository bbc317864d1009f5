s = 'banana'
print(s.find('a'), s.find('na'), s.find('x'), s.find(''))
print(s.find('a', 2), s.find('a', 2, 3), s.find('a', -2))
print(s.count('a'), s.count('an'), s.count('x'), s.count(''))
print('aaaa'.count('aa'))
print('hello'.find('l'), 'hello'.count('l'))
