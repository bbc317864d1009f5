#pragma once
// Exceptions are values: instances of BaseException and its subclasses, with
// args, __cause__, __context__, __suppress_context__, __traceback__ (the VM
// stores its traceback object there) and an instance __dict__. Subclass
// attributes (StopIteration.value, OSError.errno, SyntaxError.lineno...)
// live in m_fields, named per class in Exceptions.cpp.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <string>
#include <string_view>

namespace coroscope::pylite {

struct ExceptionObject : Object {
    Value m_dict;      ///< instance __dict__ (owned, lazily created); must stay first
    Value m_args;      ///< tuple (owned)
    Value m_traceback; ///< owned; null = None
    Value m_context;   ///< owned; null = None
    Value m_cause;     ///< owned; null = None
    bool m_suppressContext;
    static constexpr int kFieldCount = 8;
    Value m_fields[kFieldCount]; ///< class-specific attributes (owned; null = None)
};

/// Indices into m_fields for the classes that have extra attributes.
enum class ExcField : int {
    StopIterationValue = 0,
    SystemExitCode = 0,
    NameErrorName = 0,
    AttributeErrorName = 0,
    AttributeErrorObj = 1,
    ImportErrorMsg = 0, ImportErrorName = 1, ImportErrorPath = 2,
    OSErrorErrno = 0, OSErrorStrerror = 1, OSErrorFilename = 2, OSErrorFilename2 = 3,
    SyntaxErrorMsg = 0, SyntaxErrorFilename = 1, SyntaxErrorLineno = 2, SyntaxErrorOffset = 3,
    SyntaxErrorText = 4, SyntaxErrorEndLineno = 5, SyntaxErrorEndOffset = 6, SyntaxErrorPrintFileAndLine = 7,
    UnicodeEncoding = 0, UnicodeObject = 1, UnicodeStart = 2, UnicodeEnd = 3, UnicodeReason = 4,
    GroupMessage = 0, GroupExceptions = 1,
};

inline ExceptionObject* asException(Value v) { return static_cast<ExceptionObject*>(v.object()); }
inline bool isException(ObjectSpace& space, Value v)
{
    return space.typeOf(v)->has(TypeFlag::ExceptionType);
}
inline bool isExceptionType(ObjectSpace& space, Value v);

/// Instantiates `type` with positional `args` (a tuple) as `type(*args)`
/// would for the built-in classes (runs their __init__ logic). For classes
/// defined in Python use call() instead.
Ref newException(ObjectSpace& space, TypeObject* type, Value argsTuple);
Ref newExceptionWithMessage(ObjectSpace& space, TypeObject* type, std::string_view message);

/// The attribute in m_fields (borrowed; None when unset).
Value exceptionField(Value exc, ExcField field);
void setExceptionField(Value exc, ExcField field, Value v);
/// __context__ / __cause__ setters with CPython's reference semantics.
void setExceptionContext(Value exc, Value context);
void setExceptionCause(Value exc, Value cause);

/// The last traceback line: "ValueError: x" or "ValueError" when str(e) is
/// empty; uses the class's __module__ prefix as CPython's traceback does
/// for classes outside builtins/__main__. Empty string if str() fails.
std::string formatExceptionOnly(ObjectSpace& space, Value exc);

/// Builds OSError with CPython's errno -> subclass mapping
/// (ENOENT -> FileNotFoundError...), as OSError(errno, strerror, filename).
Ref newOSError(ObjectSpace& space, int errnoValue, std::string_view strerror, Value filename);


} // namespace coroscope::pylite

namespace coroscope::pylite {
inline bool isExceptionType(ObjectSpace& space, Value v)
{
    if (!space.typeOf(v)->has(TypeFlag::TypeType)) return false;
    return static_cast<TypeObject*>(v.object())->has(TypeFlag::ExceptionType);
}
} // namespace coroscope::pylite
