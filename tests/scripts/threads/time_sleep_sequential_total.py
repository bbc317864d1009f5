import time
start = time.monotonic()
for delay in (0.05, 0.1, 0.15):
    time.sleep(delay)
print('three sleeps took', round(time.monotonic() - start, 1))
try:
    time.sleep(-1)
except ValueError as e:
    print('ValueError:', e)
