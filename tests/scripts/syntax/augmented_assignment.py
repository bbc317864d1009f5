n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 3; print(n)
n /= 4; print(n)
s = 'ab'
s += 'cd'
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
alias_t = tup
tup += (2,)
print(tup, alias_t, tup is alias_t)
d = {'k': 1}
d['k'] += 10
print(d)
class C:
    pass
c = C()
c.v = 1
c.v += 1
print(c.v)
