path = r'C:\new\table'
print(path, len(path))
print(r'\d+\.\d+', repr(r'\n'))
print(R'raw\t upper R')
print(r'a\'b', len(r'a\'b'))
print(r"""raw
triple\n""")
