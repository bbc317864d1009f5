a = 1
b = 2


message = "no closing quote
