#include "core/script/modules/detail/NativeBox.h"

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"

namespace coroscope::pylite::detail {

namespace {

NativePayload*& payloadSlot(Object* o)
{
    const std::size_t at = o->m_type->m_basicSize - sizeof(NativePayload*);
    return *reinterpret_cast<NativePayload**>(reinterpret_cast<char*>(o) + at);
}

void boxDestroy(ObjectSpace&, Object* o)
{
    NativePayload*& p = payloadSlot(o);
    delete p;
    p = nullptr;
    if (o->m_type->m_dictOffset)
        clearField(*reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset));
}

bool isBox(ObjectSpace& space, Value boxType, Value v)
{
    return v.isObject() && boxType.isObject() && Value::fromObject(space.typeOf(v)) == boxType;
}

} // namespace

Ref newNativeBoxType(ObjectSpace& space, std::string_view name)
{
    Ref bases = newTupleOf(space, {Value::fromObject(space.types().objectType)});
    if (!bases) return Ref();
    Ref type = newClass(space, name, bases.get(), Value());
    if (!type) return Ref();
    auto* t = type.as<TypeObject>();
    t->m_basicSize += sizeof(NativePayload*);
    t->m_slots.destroy = boxDestroy;
    t->m_flags &= ~std::uint32_t(TypeFlag::BaseType);
    return type;
}

Ref newNativeBox(ObjectSpace& space, Value boxType, std::unique_ptr<NativePayload> payload)
{
    auto* t = static_cast<TypeObject*>(boxType.object());
    Object* o = space.heap().allocObject(t, t->m_basicSize);
    if (!o) return Ref();
    payloadSlot(o) = payload.release();
    return Ref::steal(o);
}

NativePayload* nativePayload(ObjectSpace& space, Value boxType, Value v)
{
    return isBox(space, boxType, v) ? payloadSlot(v.object()) : nullptr;
}

NativePayload* anyNativePayload(Value v)
{
    // Box types are never subclassed and all share boxDestroy.
    return v.isObject() && v.object()->m_type->m_slots.destroy == boxDestroy ? payloadSlot(v.object()) : nullptr;
}

} // namespace coroscope::pylite::detail
