name = 'report_2024.txt'
print(name.startswith('report'), name.startswith('Report'))
print(name.endswith('.txt'), name.endswith(('.csv', '.txt')))
print(name.startswith(('a', 'b', 'r')), name.endswith(''))
print('https://python.org'.startswith('https://'))
print(''.startswith(''), 'abc'.startswith('abcd'))
