print(int(float('-inf')))
