#include "core/script/compiler/Code.h"

#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Str.h"
#include "core/script/value/TypeObject.h"

#include <cstdio>

namespace coroscope::pylite {

std::int32_t Code::lineAt(std::size_t index) const
{
    if (lines.empty()) return firstLine;
    if (index >= lines.size()) index = lines.size() - 1;
    return lines[index];
}

const ExceptionRange* Code::handlerAt(std::uint32_t index) const
{
    // Few ranges per code object: a binary search over sorted starts.
    std::size_t lo = 0;
    std::size_t hi = handlers.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (handlers[mid].end <= index)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < handlers.size() && handlers[lo].start <= index && index < handlers[lo].end) return &handlers[lo];
    return nullptr;
}

namespace {

void destroyCode(ObjectSpace&, Object* self)
{
    auto* c = static_cast<CodeObject*>(self);
    delete c->m_code;
    c->m_code = nullptr;
}

Ref reprCode(ObjectSpace& space, Value self)
{
    const Code& c = codeOf(self);
    std::string text = "<code object ";
    text += strView(c.name.get());
    text += " at ";
    text += space.addressText(self.object());
    text += ", file \"" + c.filename + "\", line " + std::to_string(c.firstLine) + ">";
    return newStr(space, text);
}

} // namespace

void initCodeType(TypeObject* codeType)
{
    codeType->m_slots.destroy = destroyCode;
    codeType->m_slots.repr = reprCode;
}

Ref newCodeObject(ObjectSpace& space, TypeObject* codeType, Code* code)
{
    auto* obj = space.heap().alloc<CodeObject>(codeType);
    if (!obj) {
        delete code;
        return Ref();
    }
    obj->m_code = code;
    return Ref::steal(obj);
}

} // namespace coroscope::pylite
