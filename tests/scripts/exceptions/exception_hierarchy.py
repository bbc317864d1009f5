names = [BaseException, Exception, ValueError, TypeError, KeyError, IndexError,
         AttributeError, NameError, UnboundLocalError, ZeroDivisionError,
         RuntimeError, RecursionError, StopIteration, StopAsyncIteration,
         GeneratorExit, AssertionError, NotImplementedError, OverflowError,
         MemoryError, ImportError, TimeoutError, ExceptionGroup, KeyboardInterrupt]
for cls in names:
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, BaseException))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(KeyError, IndexError))
print(issubclass(ExceptionGroup, Exception))
