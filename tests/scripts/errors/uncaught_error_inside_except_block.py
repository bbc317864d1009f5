try:
    raise ValueError('first')
except ValueError as e:
    print('handling', e)
    undefined_in_handler
