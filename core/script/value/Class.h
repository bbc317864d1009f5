#pragma once
// `type` and `object`, and classes created at run time (heap types).
//
// A heap type gets its slots from its dict: for every dunder the class (or a
// heap base) defines, the matching slot becomes a dispatcher that looks the
// dunder up along the MRO and calls it (Slots.cpp); the other slots are
// inherited from the base. Assigning a dunder on the class later
// (`A.__eq__ = f`) re-derives the slots of A and its subclasses.

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <string>
#include <string_view>

namespace coroscope::pylite {

/// Plain instance of a class deriving from `object`: header + __dict__.
struct InstanceObject : Object {
    Value m_dict; ///< owned; created on first attribute store
};

/// type(name, bases, namespace): validates the bases (single inheritance;
/// a base must allow subclassing), copies the namespace, applies CPython's
/// defaults (__doc__ = None, __hash__ = None when __eq__ is defined alone,
/// __qualname__ taken out of the namespace) and derives the slots.
/// `bases` is a tuple (empty = (object,)), `ns` a dict.
Ref newClass(ObjectSpace& space, std::string_view name, Value bases, Value ns);
/// Same as newClass but with an explicit metatype (a subclass of type).
Ref newClassWithMeta(ObjectSpace& space, TypeObject* meta, std::string_view name, Value bases, Value ns);

/// Re-derives the dispatcher slots of a heap type (and its subclasses)
/// after its dict changed.
void updateSlots(ObjectSpace& space, TypeObject* type);

/// "<__main__.A object at 0x7f...>": object.__repr__.
Ref defaultRepr(ObjectSpace& space, Value self);
/// The module-qualified name CPython shows in reprs: "int", "__main__.A".
std::string typeQualifiedName(ObjectSpace& space, TypeObject* type);
/// __module__ of a type ("builtins" for built-in types).
std::string typeModuleName(ObjectSpace& space, TypeObject* type);


// Slots.cpp
/// Installs dispatchers for the dunders found in a heap type's MRO.
void deriveHeapTypeSlots(ObjectSpace& space, TypeObject* type);
/// Adds wrapper descriptors (`int.__add__`, `list.__len__`...) to a
/// built-in type's dict for each slot the type defines itself.
void addSlotWrappers(ObjectSpace& space, TypeObject* type);

} // namespace coroscope::pylite
