print(sep='', sep=' ')
