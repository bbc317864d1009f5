raise ValueError('参数错误:年龄不能为负数')
