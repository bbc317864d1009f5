def total(numbers):
    result = 0
    for number in numbers:
        result += numbr
    return result
print(total([1, 2]))
