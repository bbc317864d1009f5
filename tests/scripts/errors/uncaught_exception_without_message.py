print('start')
raise ValueError
