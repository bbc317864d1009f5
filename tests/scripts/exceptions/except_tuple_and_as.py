def risky(kind):
    if kind == 'value':
        raise ValueError('bad value')
    if kind == 'type':
        raise TypeError('bad type')
    if kind == 'key':
        raise KeyError('bad key')
    return 'fine'
for kind in ['value', 'type', 'key', 'none']:
    try:
        print(risky(kind))
    except (ValueError, TypeError) as e:
        print('tuple caught', type(e).__name__, e)
    except Exception as e:
        print('generic caught', type(e).__name__, e)
try:
    risky('value')
except ValueError:
    print('caught without as')
