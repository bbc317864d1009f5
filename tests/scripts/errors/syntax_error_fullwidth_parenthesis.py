# 中文输入法的全角括号
print（'hello'）
