for key in ['name', 42, ('a', 1), '', None]:
    try:
        {}[key]
    except KeyError as e:
        print(repr(str(e)), e.args)
e = KeyError('multi', 'args')
print(str(e))
