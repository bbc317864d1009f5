out = []
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    out.append(i)
print(out)
i = 0
seen = []
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
    seen.append(i)
print(seen)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end='; ')
print()
