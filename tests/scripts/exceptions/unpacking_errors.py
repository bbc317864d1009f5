for thunk in [lambda: [a for a, b in [(1, 2, 3)]],
              lambda: [a for a, b, c in [(1, 2)]],
              lambda: [a for a, b in [5]],
              lambda: [a for (a, *b, c) in [(1,)]]]:
    try:
        thunk()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    x, y = 'abc'
except ValueError as e:
    print('ValueError:', e)
