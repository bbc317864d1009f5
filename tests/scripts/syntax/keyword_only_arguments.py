def connect(host, *, port=80, secure=False):
    return host + ':' + str(port) + (' tls' if secure else '')
print(connect('a'))
print(connect('b', port=8080, secure=True))
try:
    connect('c', 443)
except TypeError as e:
    print('TypeError:', e)
def needs(*, key):
    return key
print(needs(key='k'))
try:
    needs()
except TypeError as e:
    print('TypeError:', e)
