message_count = 3
def show():
    print(mesage_count)
show()
