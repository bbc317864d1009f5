data = {'user': {'name': 'li', 'tags': ['a', 'b']}}
print(f"{data['user']['name'].upper()}")
print(f"{', '.join(data['user']['tags'])}")
print(f'{(lambda v: v * 2)(21)}')
print(f'{sum(range(5))} {max([3, 9, 2])}')
print(f'{"yes" if 1 < 2 else "no"}')
nums = [1, 2, 3]
print(f'{[n * n for n in nums]}')
print(f'len={len(nums)}')
print(f'{nums[-1]:03d}')
print(f'a{1}b{2}c{3}d')
print(f'{"nested " + f"{nums[0]}"}')
