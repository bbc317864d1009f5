#pragma once
// Shared by Class.cpp (class creation) and TypeType.cpp (type's slots).

#include "core/script/value/TypeObject.h"

namespace coroscope::pylite::detail {

/// Registers `sub` as a direct subclass of `base` (not owned; for slot
/// updates). False on MemoryError.
bool addSubclass(ObjectSpace& space, TypeObject* base, TypeObject* sub);
void removeSubclass(ObjectSpace& space, TypeObject* base, TypeObject* sub);

} // namespace coroscope::pylite::detail
