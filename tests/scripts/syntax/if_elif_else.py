def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 42]:
    print(n, classify(n))
if []:
    print('empty list is true')
elif {}:
    print('empty dict is true')
else:
    print('both empty containers are false')
if 1: print('one-line if')
x = 7
if x > 5:
    if x > 6:
        print('nested', x)
