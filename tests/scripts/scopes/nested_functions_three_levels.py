def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2
print(level1(1)(10)(100))
def counter_factory():
    calls = []
    def record(x):
        calls.append(x)
        def report():
            return list(calls)
        return report
    return record
rec = counter_factory()
rec('a')
print(rec('b')())
