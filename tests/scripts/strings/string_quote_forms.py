a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
print(a, b)
print(c)
print(d)
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print('''both ' and " inside''')
print(len(c), c.count('\n'))
print("""line one
    indented line two""")
