#pragma once
// NativeBox: a heap object that owns a C++ payload, for the script modules
// (greenlet, asyncio...) which keep C++ state next to Python objects without
// adding VM-owned types. The box type is an ordinary heap class whose
// instances carry one extra word (the payload pointer) after their __dict__
// slot; its destroy slot deletes the payload, then does the heap instance's
// own cleanup. The class is private to the module that made it and never
// subclassed, so the heap calls that destroy slot directly.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <memory>
#include <string_view>

namespace coroscope::pylite::detail {

/// What a box owns. Deleted when the box object dies.
class NativePayload {
public:
    virtual ~NativePayload() = default;
};

/// Makes a new box class named `name` (null with an exception pending).
Ref newNativeBoxType(ObjectSpace& space, std::string_view name);
/// A new instance of `boxType` owning `payload`.
Ref newNativeBox(ObjectSpace& space, Value boxType, std::unique_ptr<NativePayload> payload);
/// The payload of a box of `boxType`, or null when `v` is not such a box.
NativePayload* nativePayload(ObjectSpace& space, Value boxType, Value v);
/// The payload of a box of any box type, or null when `v` is no box (for
/// callers that find their state through the payload).
NativePayload* anyNativePayload(Value v);

} // namespace coroscope::pylite::detail
