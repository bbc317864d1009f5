import sys
print('to stdout')
print('warning: to stderr', file=sys.stderr)
print('to stdout again', file=sys.stdout)
print('last', 'stderr', 'line', sep='-', file=sys.stderr)
