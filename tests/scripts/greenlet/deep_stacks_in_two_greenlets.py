from greenlet import greenlet, getcurrent
main = getcurrent()
log = []
def climb(name, depth, partner_box):
    if depth == 0:
        for i in range(3):
            log.append(name + str(i))
            partner_box[0].switch()
        return name + ' done'
    return climb(name, depth - 1, partner_box)
box_a, box_b = [None], [None]
a = greenlet(lambda: climb('a', 100, box_a))
b = greenlet(lambda: climb('b', 150, box_b))
box_a[0] = b
box_b[0] = a
print(a.switch())
print(' '.join(log), a.dead, b.dead)
