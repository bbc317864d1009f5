#pragma once
// Shared by Exceptions.cpp and ExceptionGroup.cpp.

#include "core/script/value/Args.h"
#include "core/script/value/Ref.h"

namespace coroscope::pylite {
struct TypeObject;
}

namespace coroscope::pylite::detail {

/// BaseException.__new__: allocates `type` and sets args from the call.
Ref newExceptionInstance(ObjectSpace& space, TypeObject* type, const CallArgs& args);
/// Sets exc.args to the positional arguments of a call.
void setExceptionArgs(ObjectSpace& space, Value self, const CallArgs& args);

Ref groupNew(ObjectSpace& space, TypeObject* type, const CallArgs& args);
int groupInit(ObjectSpace& space, Value self, const CallArgs& args);
Ref groupStr(ObjectSpace& space, Value self);
void addExceptionGroupMethods(ObjectSpace& space);

} // namespace coroscope::pylite::detail
