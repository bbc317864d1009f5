#pragma once
// Callable and descriptor objects of the object model: native functions
// (builtin_function_or_method), method descriptors of built-in types,
// slot wrappers (`int.__add__`), getset descriptors (`type.__name__`),
// bound methods, staticmethod, classmethod, property, super, module and
// mappingproxy. Python functions belong to the VM.

#include "core/script/value/Args.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"

#include <initializer_list>
#include <string_view>

namespace coroscope::pylite {

/// Native implementation of a function or method. `self` is the bound
/// object (null for plain functions; the type for class methods).
using NativeFn = Ref (*)(ObjectSpace& space, Value self, const CallArgs& args);
using GetterFn = Ref (*)(ObjectSpace& space, Value self);
/// Null `value` means delete. 0 ok, -1 error.
using SetterFn = int (*)(ObjectSpace& space, Value self, Value value);
/// Slot wrapper (`int.__add__`): calls the slot of `owner`, not of type(self),
/// so `object.__repr__(x)` and `super().__eq__(o)` reach the base's slot.
using WrapperFn = Ref (*)(ObjectSpace& space, TypeObject* owner, Value self, const CallArgs& args);

struct BuiltinFunctionObject : Object {
    NativeFn m_fn;        ///< null for a method-wrapper (then m_wrapper is set)
    WrapperFn m_wrapper;
    const char* m_name;   ///< static storage
    Value m_self;         ///< owned; null for unbound module functions
    Value m_module;       ///< owned module name (str) or null
    TypeObject* m_owner;  ///< the type a method came from; not owned
};

enum class MethodKind : std::uint8_t { Method, ClassMethod, StaticMethod, SlotWrapper };

struct MethodDescriptorObject : Object {
    NativeFn m_fn;       ///< for Method, ClassMethod, StaticMethod
    WrapperFn m_wrapper; ///< for SlotWrapper
    const char* m_name;
    TypeObject* m_owner; ///< not owned: the owner outlives its dict's descriptors
    MethodKind m_kind;
};

struct GetSetDescriptorObject : Object {
    GetterFn m_get;
    SetterFn m_set; ///< null: read-only
    const char* m_name;
    TypeObject* m_owner;
};

struct BoundMethodObject : Object {
    Value m_func; ///< owned
    Value m_self; ///< owned
};

/// staticmethod / classmethod wrapper.
struct FuncWrapperObject : Object {
    Value m_dict; ///< instance __dict__; must stay first
    Value m_func; ///< owned
};

struct PropertyObject : Object {
    Value m_get;
    Value m_set;
    Value m_del;
    Value m_doc;
    Value m_name; ///< from __set_name__ or fget.__name__ (for error messages)
};

struct SuperObject : Object {
    TypeObject* m_type;    ///< owned: the class super() was called in
    Value m_obj;           ///< owned: the instance or class (null for unbound)
    TypeObject* m_objType; ///< owned: type(obj), or obj when obj is a class
};

struct ModuleObject : Object {
    Value m_dict; ///< owned module namespace; must stay first
};

struct MappingProxyObject : Object {
    Value m_mapping; ///< owned
};

struct MethodDef {
    const char* name;
    NativeFn fn;
    MethodKind kind = MethodKind::Method;
};
struct GetSetDef {
    const char* name;
    GetterFn get;
    SetterFn set = nullptr;
};

/// Adds a slot wrapper descriptor named `name` to a type's dict.
void addSlotWrapper(ObjectSpace& space, TypeObject* type, const char* name, WrapperFn fn);
/// Adds method descriptors / getset descriptors to a built-in type's dict.
void addMethods(ObjectSpace& space, TypeObject* type, std::initializer_list<MethodDef> defs);
void addGetSets(ObjectSpace& space, TypeObject* type, std::initializer_list<GetSetDef> defs);

/// A native function (`len`, `print`...): `self` null unless bound.
Ref newBuiltinFunction(ObjectSpace& space, const char* name, NativeFn fn, Value self = Value(), Value module = Value());
Ref newBoundMethod(ObjectSpace& space, Value func, Value self);
Ref newModule(ObjectSpace& space, std::string_view name);
/// The namespace dict of a module (borrowed).
struct DictObject* moduleDict(Value module);
Ref newMappingProxy(ObjectSpace& space, Value mapping);


} // namespace coroscope::pylite
