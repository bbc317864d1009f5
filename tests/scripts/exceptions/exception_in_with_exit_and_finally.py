class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print('exit sees', et.__name__ if et else None)
        raise RuntimeError('from __exit__')
try:
    with CM():
        raise ValueError('body error')
except RuntimeError as e:
    print('RuntimeError', e, 'context', repr(e.__context__))
try:
    with CM():
        pass
except RuntimeError as e:
    print('clean body, still', e)
