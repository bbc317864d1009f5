def resource():
    print('open')
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit received')
        raise
    finally:
        print('closed')
r = resource()
print(next(r))
r.close()
print('after close')
r.close()
try:
    next(r)
except StopIteration:
    print('closed generator raises StopIteration')
fresh = resource()
fresh.close()
print('closing a fresh generator runs nothing')
done = resource()
print(list(done))
done.close()
