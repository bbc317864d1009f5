for i in range(3):
    pass
print('after for, i =', i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print('NameError:', e)
if True:
    inside_if = 'visible'
print(inside_if)
while False:
    never = 1
try:
    print(never)
except NameError as e:
    print('NameError:', e)
