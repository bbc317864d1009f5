import sys
print(type(sys.argv).__name__, len(sys.argv))
print(sys.version.startswith('3.11'))
print('via sys.stdout', file=sys.stdout)
print('via sys.stderr', file=sys.stderr)
print(sys.stdout is not sys.stderr)
