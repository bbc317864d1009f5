# and/or return one of their operands and stop evaluating early.
log = []
def t(name, value):
    log.append(name)
    return value
print(t('a', 0) and t('b', 1), log)
log.clear()
print(t('a', 1) and t('b', 2), log)
log.clear()
print(t('a', '') or t('b', 'B'), log)
log.clear()
print(t('a', 'A') or t('b', 'B'), log)
log.clear()
print(t('a', None) or t('b', 0) or t('c', []), log)
print(1 and 2 and 3, 1 and 0 and 3, 0 or '' or None)
print(not 1 or 2, not (1 or 2), 1 or 2 and 0)
print([] or [1], {} and 1, 'x' and 'y' or 'z')
