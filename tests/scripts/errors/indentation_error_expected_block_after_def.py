def empty():

print('x')
