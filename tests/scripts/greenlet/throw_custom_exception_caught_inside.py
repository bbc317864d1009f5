from greenlet import greenlet, getcurrent
main = getcurrent()
def resilient():
    while True:
        try:
            main.switch('waiting')
        except ValueError as e:
            print('greenlet handled', e)
            main.switch('recovered')
            return 'finished'
g = greenlet(resilient)
print(g.switch())
print(g.throw(ValueError('injected')))
print(g.switch())
print(g.dead)
def fragile():
    main.switch()
f = greenlet(fragile)
f.switch()
try:
    f.throw(TypeError('not handled'))
except TypeError as e:
    print('propagated back to main:', e, f.dead)
