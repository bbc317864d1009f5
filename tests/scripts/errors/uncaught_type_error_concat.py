age = 30
print('age: ' + age)
