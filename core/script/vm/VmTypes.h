#pragma once
// VmTypes: the built-in types that belong to the VM rather than to the
// object model (code, function, cell, generator, coroutine, async
// generator, traceback, and the native types of the builtins module such
// as file objects).
//
// The object model's BuiltinTypes table has no slots for them, so their
// TypeObjects live here, in plain storage owned by the Vm, and are set up
// with initNativeType(). The storage must outlive the ObjectSpace (the Vm
// declares it first): objects of these types may only be freed during the
// space's teardown. releaseNativeType() drops what a type holds in the
// heap (name, dict, MRO) before that teardown.
//
// Each TypeObject is preceded by a zeroed GcHead, like every object whose
// type is collector-aware (`type` is): the collector reads that header when
// it visits a reference to the type (an MRO tuple, an instance's type).

#include "core/script/value/Heap.h"
#include "core/script/value/TypeObject.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace coroscope::pylite {

class ObjectSpace;

/// Storage for one VM-owned type: a never-tracked GcHead, then the type.
struct NativeType {
    GcHead gcHead{};
    TypeObject type{};
    TypeObject* get() { return &type; }
    operator TypeObject*() { return &type; }
    TypeObject* operator->() { return &type; }
};

struct VmTypes {
    NativeType code;
    NativeType function;
    NativeType cell;
    NativeType generator;
    NativeType coroutine;
    NativeType asyncGenerator;
    NativeType asyncGenASend;
    NativeType asyncGenAThrow;
    NativeType coroutineWrapper;
    NativeType traceback;
    NativeType textStream; ///< sys.stdout / sys.stderr / open() in text mode
    NativeType binaryFile; ///< open() in binary mode
};

/// Makes `type` a usable, immortal, non-subclassable type deriving from
/// `object` (slots inherited from object; the caller overrides them after).
void initNativeType(ObjectSpace& space, TypeObject& type, std::string_view name, std::uint32_t basicSize,
                    std::uint32_t flags);
/// Releases the heap objects `type` holds (call before the space dies).
void releaseNativeType(TypeObject& type);

} // namespace coroscope::pylite
