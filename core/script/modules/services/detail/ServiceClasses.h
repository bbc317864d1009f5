#pragma once
// Small helpers for the classes of the service modules: each module keeps a
// C++ state object whose address its classes carry in their dict (as the
// asyncio module does), and every instance keeps its native payload in a
// box under a fixed key of its __dict__.

#include "core/script/modules/services/ServicesState.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Str.h"
#include "core/script/value/TypeObject.h"

#include <cstdint>
#include <string>

namespace coroscope::pylite::services {

/// A new heap class whose instances find `state` through stateOf<T>(space, obj, key).
inline Ref makeServiceClass(ObjectSpace& space, const char* name, Value base, const char* module, void* state,
                            const char* key)
{
    Ref cls = detail::makeClass(space, name, base, module, nullptr);
    if (cls)
        dictSetStr(space, cls.as<TypeObject>()->m_dict, key,
                   Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(state))));
    return cls;
}

/// The module state of an instance (or class) made by makeServiceClass, or null.
template <class T>
T* stateOf(ObjectSpace& space, Value self, const char* key)
{
    TypeObject* type = space.typeOf(self);
    if (type == space.types().typeType) type = static_cast<TypeObject*>(self.object());
    Value addr = lookupInMro(space, type, key);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<T*>(std::uintptr_t(addr.smallIntValue()));
}

/// The payload of a module function's state box (its `self`).
template <class T>
T* boxState(ObjectSpace& space, Value box)
{
    return static_cast<T*>(detail::nativePayload(space, Value::fromObject(space.typeOf(box)), box));
}

/// Adds `fns` to `module` bound to the state box `box`.
inline bool addModuleFunctions(ObjectSpace& space, DictObject* module, Value box, const char* moduleName,
                               std::initializer_list<std::pair<const char*, NativeFn>> fns)
{
    Ref name = newStr(space, moduleName);
    for (const auto& [n, fn] : fns) {
        Ref f = newBuiltinFunction(space, n, fn, box, name.get());
        if (!f || !dictSetStr(space, module, n, f.get())) return false;
    }
    return true;
}

} // namespace coroscope::pylite::services
