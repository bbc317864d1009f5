# Tutorial section 1 (协程): the introductory func1/func2, with "..." kept
# as the Ellipsis statement it is in Python.
def func1():
    print(1)
    ...
    print(2)


def func2():
    print(3)
    ...
    print(4)


func1()
func2()
