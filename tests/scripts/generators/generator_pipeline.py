def read_lines():
    for line in ['10', 'x', '20', '', '30']:
        yield line
def parse(lines):
    for line in lines:
        if line.strip() == '':
            continue
        try:
            yield int(line)
        except ValueError:
            print('skip', repr(line))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
for t in running_total(parse(read_lines())):
    print('total', t)
