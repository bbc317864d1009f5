#include "core/script/vm/VmTypes.h"

#include "core/script/value/Dict.h"
#include "core/script/value/Heap.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"
#include "core/script/vm/detail/VmSetup.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace coroscope::pylite {


void initNativeType(ObjectSpace& space, TypeObject& type, std::string_view name, std::uint32_t basicSize,
                    std::uint32_t flags)
{
    TypeObject* object = space.types().objectType;
    type.m_refcnt = std::int64_t(1) << 60;
    type.m_type = space.types().typeType;
    type.m_space = &space;
    type.m_base = object;
    type.m_slots = object->m_slots;
    type.m_slots.newInstance = nullptr;
    type.m_slots.init = nullptr;
    type.m_flags = flags;
    type.m_basicSize = basicSize;
    type.m_dictOffset = 0;
    type.m_name = space.intern(name);
    increfObject(type.m_name);
    type.m_qualname = type.m_name;
    increfObject(type.m_qualname);
    Ref dict = newDict(space);
    type.m_dict = dict.as<DictObject>();
    dict.release();
    Ref mro = newTupleOf(space, {Value::fromObject(&type), Value::fromObject(object)});
    type.m_mro = mro.as<TupleObject>();
    mro.release();
}

void releaseNativeType(TypeObject& type)
{
    Object* dict = type.m_dict;
    Object* mro = type.m_mro;
    Object* name = type.m_name;
    Object* qualname = type.m_qualname;
    type.m_dict = nullptr;
    type.m_mro = nullptr;
    type.m_name = nullptr;
    type.m_qualname = nullptr;
    xdecrefObject(dict);
    xdecrefObject(mro);
    xdecrefObject(name);
    xdecrefObject(qualname);
}

void initVmTypes(Vm& vm)
{
    // The collector finds a type's GcHead right before it (gcHeadOf).
    NativeType& probe = vm.vmTypes().code;
    const auto gap = reinterpret_cast<char*>(&probe.type) - reinterpret_cast<char*>(&probe.gcHead);
    if (gap != std::ptrdiff_t(sizeof(GcHead))) {
        std::fprintf(stderr, "VmTypes layout invariant failed: type at offset %td, GcHead is %zu bytes\n", gap,
                     sizeof(GcHead));
        std::abort();
    }
    initFunctionTypes(vm);
    initGeneratorTypes(vm);
    initTracebackType(vm);
}

void releaseVmTypes(Vm& vm)
{
    VmTypes& t = vm.vmTypes();
    for (NativeType* n : {&t.code, &t.function, &t.cell, &t.generator, &t.coroutine, &t.asyncGenerator,
                          &t.asyncGenASend, &t.asyncGenAThrow, &t.coroutineWrapper, &t.traceback, &t.textStream,
                          &t.binaryFile})
        if (n->type.m_dict) releaseNativeType(n->type);
}

} // namespace coroscope::pylite
