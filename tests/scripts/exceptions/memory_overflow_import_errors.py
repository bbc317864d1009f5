try:
    raise MemoryError('pretend out of memory')
except MemoryError as e:
    print('MemoryError', e.args)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
try:
    raise ImportError('no module here')
except ImportError as e:
    print('ImportError:', e)
try:
    raise TimeoutError('took too long')
except TimeoutError as e:
    print('TimeoutError:', e)
try:
    raise StopAsyncIteration
except StopAsyncIteration as e:
    print('StopAsyncIteration', e.args)
