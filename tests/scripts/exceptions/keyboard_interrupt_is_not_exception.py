def interrupt():
    raise KeyboardInterrupt('ctrl-c')
try:
    try:
        interrupt()
    except Exception:
        print('not printed: KeyboardInterrupt is not an Exception')
except BaseException as e:
    print('caught by BaseException:', type(e).__name__, e.args)
try:
    interrupt()
except KeyboardInterrupt as e:
    print('caught directly:', e)
try:
    raise GeneratorExit
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
