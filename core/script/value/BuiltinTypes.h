#pragma once
// BuiltinTypes: the table of built-in type objects of one ObjectSpace.

#include "core/script/value/TypeObject.h"

namespace coroscope::pylite {

/// Built-in exception classes: X(Name, Base). Listed parents first; the
/// order is the creation order. ExceptionGroup also derives from Exception
/// (its MRO is built by hand in Exceptions.cpp).
#define PYLITE_EXCEPTION_TYPES(X)                 \
    X(BaseException, objectType)                  \
    X(BaseExceptionGroup, BaseException)          \
    X(GeneratorExit, BaseException)               \
    X(KeyboardInterrupt, BaseException)           \
    X(SystemExit, BaseException)                  \
    X(Exception, BaseException)                   \
    X(ExceptionGroup, BaseExceptionGroup)         \
    X(ArithmeticError, Exception)                 \
    X(FloatingPointError, ArithmeticError)        \
    X(OverflowError, ArithmeticError)             \
    X(ZeroDivisionError, ArithmeticError)         \
    X(AssertionError, Exception)                  \
    X(AttributeError, Exception)                  \
    X(BufferError, Exception)                     \
    X(EOFError, Exception)                        \
    X(ImportError, Exception)                     \
    X(ModuleNotFoundError, ImportError)           \
    X(LookupError, Exception)                     \
    X(IndexError, LookupError)                    \
    X(KeyError, LookupError)                      \
    X(MemoryError, Exception)                     \
    X(NameError, Exception)                       \
    X(UnboundLocalError, NameError)               \
    X(OSError, Exception)                         \
    X(BlockingIOError, OSError)                   \
    X(ChildProcessError, OSError)                 \
    X(ConnectionError, OSError)                   \
    X(BrokenPipeError, ConnectionError)           \
    X(ConnectionAbortedError, ConnectionError)    \
    X(ConnectionRefusedError, ConnectionError)    \
    X(ConnectionResetError, ConnectionError)      \
    X(FileExistsError, OSError)                   \
    X(FileNotFoundError, OSError)                 \
    X(InterruptedError, OSError)                  \
    X(IsADirectoryError, OSError)                 \
    X(NotADirectoryError, OSError)                \
    X(PermissionError, OSError)                   \
    X(ProcessLookupError, OSError)                \
    X(TimeoutError, OSError)                      \
    X(ReferenceError, Exception)                  \
    X(RuntimeError, Exception)                    \
    X(NotImplementedError, RuntimeError)          \
    X(RecursionError, RuntimeError)               \
    X(StopAsyncIteration, Exception)              \
    X(StopIteration, Exception)                   \
    X(SyntaxError, Exception)                     \
    X(IndentationError, SyntaxError)              \
    X(TabError, IndentationError)                 \
    X(SystemError, Exception)                     \
    X(TypeError, Exception)                       \
    X(ValueError, Exception)                      \
    X(UnicodeError, ValueError)                   \
    X(UnicodeDecodeError, UnicodeError)           \
    X(UnicodeEncodeError, UnicodeError)           \
    X(UnicodeTranslateError, UnicodeError)        \
    X(Warning, Exception)                         \
    X(BytesWarning, Warning)                      \
    X(DeprecationWarning, Warning)                \
    X(EncodingWarning, Warning)                   \
    X(FutureWarning, Warning)                     \
    X(ImportWarning, Warning)                     \
    X(PendingDeprecationWarning, Warning)         \
    X(ResourceWarning, Warning)                   \
    X(RuntimeWarning, Warning)                    \
    X(SyntaxWarning, Warning)                     \
    X(UnicodeWarning, Warning)                    \
    X(UserWarning, Warning)

/// Every other built-in type: X(member, "python name").
#define PYLITE_CORE_TYPES(X)                                     \
    X(typeType, "type")                                          \
    X(objectType, "object")                                      \
    X(noneType, "NoneType")                                      \
    X(notImplementedType, "NotImplementedType")                  \
    X(ellipsisType, "ellipsis")                                  \
    X(intType, "int")                                            \
    X(boolType, "bool")                                          \
    X(floatType, "float")                                        \
    X(strType, "str")                                            \
    X(bytesType, "bytes")                                        \
    X(listType, "list")                                          \
    X(tupleType, "tuple")                                        \
    X(dictType, "dict")                                          \
    X(setType, "set")                                            \
    X(frozensetType, "frozenset")                                \
    X(rangeType, "range")                                        \
    X(sliceType, "slice")                                        \
    X(listIteratorType, "list_iterator")                         \
    X(listReverseIteratorType, "list_reverseiterator")           \
    X(tupleIteratorType, "tuple_iterator")                       \
    X(strIteratorType, "str_iterator")                           \
    X(strAsciiIteratorType, "str_ascii_iterator")                \
    X(bytesIteratorType, "bytes_iterator")                       \
    X(rangeIteratorType, "range_iterator")                       \
    X(setIteratorType, "set_iterator")                           \
    X(dictKeysType, "dict_keys")                                 \
    X(dictValuesType, "dict_values")                             \
    X(dictItemsType, "dict_items")                               \
    X(dictKeyIteratorType, "dict_keyiterator")                   \
    X(dictValueIteratorType, "dict_valueiterator")               \
    X(dictItemIteratorType, "dict_itemiterator")                 \
    X(dictReverseKeyIteratorType, "dict_reversekeyiterator")     \
    X(dictReverseValueIteratorType, "dict_reversevalueiterator") \
    X(dictReverseItemIteratorType, "dict_reverseitemiterator")   \
    X(seqIteratorType, "iterator")                               \
    X(callIteratorType, "callable_iterator")                     \
    X(enumerateType, "enumerate")                                \
    X(zipType, "zip")                                            \
    X(mapType, "map")                                            \
    X(filterType, "filter")                                      \
    X(reversedType, "reversed")                                  \
    X(builtinFunctionType, "builtin_function_or_method")         \
    X(methodDescriptorType, "method_descriptor")                 \
    X(classMethodDescriptorType, "classmethod_descriptor")       \
    X(slotWrapperType, "wrapper_descriptor")                     \
    X(methodWrapperType, "method-wrapper")                       \
    X(getSetDescriptorType, "getset_descriptor")                 \
    X(boundMethodType, "method")                                 \
    X(staticMethodType, "staticmethod")                          \
    X(classMethodType, "classmethod")                            \
    X(propertyType, "property")                                  \
    X(superType, "super")                                        \
    X(moduleType, "module")                                      \
    X(mappingProxyType, "mappingproxy")

struct BuiltinTypes {
#define PYLITE_DECLARE_TYPE(member, name) TypeObject* member = nullptr;
    PYLITE_CORE_TYPES(PYLITE_DECLARE_TYPE)
#undef PYLITE_DECLARE_TYPE
#define PYLITE_DECLARE_EXCEPTION(name, base) TypeObject* name = nullptr;
    PYLITE_EXCEPTION_TYPES(PYLITE_DECLARE_EXCEPTION)
#undef PYLITE_DECLARE_EXCEPTION
};

} // namespace coroscope::pylite
