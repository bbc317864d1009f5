class Config:
    debug = False
    def __init__(self):
        self.level = 3
c = Config()
print(hasattr(c, 'level'), hasattr(c, 'debug'), hasattr(c, 'missing'))
print(getattr(c, 'level'), getattr(c, 'missing', 'default'), getattr(Config, 'debug'))
setattr(c, 'level', 5)
setattr(c, 'new_attr', 'added')
print(c.level, c.new_attr, getattr(c, 'new_attr'))
name = 'dyn'
setattr(Config, name, 'class-level')
print(c.dyn, Config.dyn)
print(getattr('text', 'upper')())
try:
    getattr(c, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
