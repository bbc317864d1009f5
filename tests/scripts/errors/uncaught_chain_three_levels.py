try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('level two') from e
except ValueError:
    raise TypeError('level three')
