// The `greenlet` module: python-greenlet's API over GreenletRuntime (see
// GreenletState.h for how switches carry values, exceptions and VM state).

#include "core/runtime/greenlet/GreenletError.h"
#include "core/script/modules/ScriptModules.h"
#include "core/script/modules/greenlet/GreenletState.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <typeinfo>
#include <utility>

namespace coroscope::pylite {

using detail::GreenletPayload;
using detail::GreenletState;

namespace {

constexpr const char* kPayloadKey = "__greenlet_core__";
constexpr const char* kStateKey = "__greenlet_state__";

/// The module state, found through the greenlet type's dict (a raw address
/// stored as an int: the state owns the type, not the other way round).
GreenletState* stateOf(ObjectSpace& space, Value self)
{
    Value addr = lookupInMro(space, space.typeOf(self), kStateKey);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<GreenletState*>(std::uintptr_t(addr.smallIntValue()));
}

/// The instance dict's payload box, as dictGetStr(d, kPayloadKey) finds it
/// (instances of subclasses only: see inlineSlot). payloadOf adds the box
/// when the greenlet is made, so it is normally the first entry.
Value payloadBox(ObjectSpace& space, DictObject* d)
{
    if (d->m_entryCount > 0) {
        const DictEntry& first = d->m_entries[0];
        if (isStr(space, first.m_key) && asStr(first.m_key)->view() == kPayloadKey) return first.m_value;
    }
    return dictGetStr(space, d, kPayloadKey);
}

/// Objects of exactly the greenlet type own their payload through a native
/// word after the dict slot (the type's last word; null until payloadOf
/// makes it): a switch finds it without a dict, and an object without
/// attributes of its own has no instance dict at all, so LOAD_METHOD has
/// nothing to probe. Instances of subclasses keep it in a box in their dict
/// instead, because a heap subclass's destroy slot does not call this type's.
GreenletPayload*& inlineSlot(Object* o)
{
    const std::size_t at = o->m_type->m_basicSize - sizeof(GreenletPayload*);
    return *reinterpret_cast<GreenletPayload**>(reinterpret_cast<char*>(o) + at);
}

Value& dictSlot(Object* o) { return *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset); }

/// Destroy and clear slots of the greenlet type: the payload goes (which
/// kills a suspended greenlet, as dropping its box did), then the dict.
void greenletObjectClear(ObjectSpace&, Object* o)
{
    delete std::exchange(inlineSlot(o), nullptr);
    clearField(dictSlot(o));
}

/// The payload's references are not visited, as when it lived in a box.
void greenletObjectTraverse(Object* o, VisitFn visit, void* ctx)
{
    visit(Value::fromObject(o->m_type), ctx);
    visit(dictSlot(o), ctx);
}

bool hasInlinePayload(Object* o) { return o->m_type->m_slots.destroy == greenletObjectClear; }

GreenletPayload* payload(ObjectSpace& space, Value self)
{
    if (self.isObject()) {
        Object* o = self.object();
        if (hasInlinePayload(o)) {
            // The usual case: the payload knows its state.
            GreenletPayload* p = inlineSlot(o);
            if (p && p->state) return p;
        } else if (o->m_type->m_dictOffset) {
            if (Value dict = dictSlot(o)) {
                detail::NativePayload* any = detail::anyNativePayload(payloadBox(space, asDict(dict)));
                if (any && typeid(*any) == typeid(GreenletPayload)) {
                    auto* p = static_cast<GreenletPayload*>(any);
                    if (p->state && p->owner == o) return p;
                }
            }
        }
    }
    GreenletState* st = stateOf(space, self);
    if (!st) {
        space.raise(space.types().TypeError, "expected a greenlet");
        return nullptr;
    }
    return st->payloadOf(self);
}

GreenletPayload* asGreenlet(ObjectSpace& space, GreenletState& st, Value v)
{
    if (!v.isObject() || isInstance(space, v, st.greenletType.get()) != 1) return nullptr;
    return st.payloadOf(v);
}

Ref packArgs(ObjectSpace& space, const CallArgs& args)
{
    Ref tuple = newTupleFrom(space, args.values, std::int64_t(args.positional));
    if (!tuple) return Ref();
    Ref kwargs = Ref::none();
    if (args.hasKeywords()) {
        kwargs = newDict(space);
        if (!kwargs || !dictAddKeywords(space, kwargs.as<DictObject>(), args)) return Ref();
    }
    return newTupleOf(space, {tuple.get(), kwargs.get()});
}

// ------------------------------------------------------------ methods

Ref greenletInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"greenlet", {"run", "parent"}, 0}, a)) return Ref();
    GreenletState* st = stateOf(space, self);
    if (!st) return space.raise(space.types().TypeError, "expected a greenlet");
    GreenletPayload* parent = nullptr;
    if (a[1] && !a[1].isNone()) {
        parent = asGreenlet(space, *st, a[1]);
        if (!parent) return space.raise(space.types().TypeError, "parent must be a greenlet");
    }
    GreenletPayload* p = st->payloadOf(self);
    if (!p) return Ref();
    if (parent && p->greenlet && !p->greenlet->started()) {
        try {
            p->greenlet->setParent(parent->greenlet);
        } catch (const GreenletError& e) {
            return space.raise(space.types().ValueError, e.what());
        }
        p->parentObject = Ref::borrow(parent->owner);
    }
    if (a[0] && !a[0].isNone()) p->run = Ref::borrow(a[0]);
    return Ref::none();
}

Ref greenletSwitch(ObjectSpace& space, Value self, const CallArgs& args)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return Ref();
    Ref packed = args.positional == 0 && !args.hasKeywords() && p->state->emptyPacked ? p->state->emptyPacked
                                                                                       : packArgs(space, args);
    if (!packed) return Ref();
    Ref keep = Ref::borrow(self);
    return p->state->sendTo(*p->greenlet, std::move(packed));
}

Ref greenletThrow(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[3];
    if (!parseArgs(space, args, {"throw", {"typ", "val", "tb"}, 0}, a)) return Ref();
    GreenletPayload* p = payload(space, self);
    if (!p) return Ref();
    GreenletState& st = *p->state;
    Ref exc;
    Value typ = a[0] ? a[0] : st.exitType.get();
    if (typ.isObject() && space.typeOf(typ)->isSubtypeOf(space.types().BaseException)) {
        exc = Ref::borrow(typ);
    } else {
        if (!typ.isObject() || !space.typeOf(typ)->isSubtypeOf(space.types().typeType) ||
            !static_cast<TypeObject*>(typ.object())->isSubtypeOf(space.types().BaseException))
            return space.raise(space.types().TypeError,
                               "exceptions must be classes, or instances, not " + std::string(typeName(space, typ)));
        if (a[1] && !a[1].isNone()) {
            if (isInstance(space, a[1], typ) == 1)
                exc = Ref::borrow(a[1]);
            else
                exc = callFunction(space, typ, {a[1]});
        } else {
            exc = callFunction(space, typ, {});
        }
        if (!exc) return Ref();
    }
    Ref keep = Ref::borrow(self);
    return st.switchTo(*p->greenlet, Ref(), std::move(exc));
}

int greenletIsTrue(ObjectSpace& space, Value self)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return -1;
    return p->greenlet->active() ? 1 : 0;
}

Ref getDead(ObjectSpace& space, Value self)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return Ref();
    return Ref::boolean(p->greenlet->dead());
}

Ref getParent(ObjectSpace& space, Value self)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return Ref();
    const std::shared_ptr<Greenlet>& parent = p->greenlet->parent();
    if (!parent) return Ref::none();
    Value obj = p->state->objectOf(*parent);
    return obj ? Ref::borrow(obj) : Ref();
}

int setParent(ObjectSpace& space, Value self, Value value)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return -1;
    if (!value) {
        space.raise(space.types().AttributeError, "can't delete attribute");
        return -1;
    }
    GreenletPayload* parent = asGreenlet(space, *p->state, value);
    if (!parent) {
        if (!space.hasError()) space.raise(space.types().TypeError, "parent must be a greenlet");
        return -1;
    }
    try {
        p->greenlet->setParent(parent->greenlet);
    } catch (const GreenletError& e) {
        space.raise(e.kind() == GreenletError::Kind::AttributeError ? space.types().AttributeError
                                                                    : space.types().ValueError,
                    e.what());
        return -1;
    }
    p->parentObject = Ref::borrow(parent->owner);
    return 0;
}

Ref getRun(ObjectSpace& space, Value self)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return Ref();
    if (p->greenlet->started() || !p->run) return space.raise(space.types().AttributeError, "run");
    return p->run;
}

int setRun(ObjectSpace& space, Value self, Value value)
{
    GreenletPayload* p = payload(space, self);
    if (!p) return -1;
    if (p->greenlet->started()) {
        space.raise(space.types().AttributeError, "run cannot be set after the start of the greenlet");
        return -1;
    }
    p->run = value ? Ref::borrow(value) : Ref();
    return 0;
}

Ref getcurrentFn(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "getcurrent")) return Ref();
    GreenletState* st = static_cast<GreenletState*>(
        detail::nativePayload(space, Value::fromObject(space.typeOf(self)), self));
    Value cur = st->objectOf(st->runtime->currentGreenlet());
    return cur ? Ref::borrow(cur) : Ref();
}

Ref makeExceptionClass(ObjectSpace& space, const char* name, TypeObject* base)
{
    Ref bases = newTupleOf(space, {Value::fromObject(base)});
    Ref ns = newDict(space);
    Ref module = newStr(space, "greenlet");
    if (!bases || !ns || !module || !dictSetStr(space, ns.as<DictObject>(), "__module__", module.get())) return Ref();
    return newClass(space, name, bases.get(), ns.get());
}

} // namespace

namespace detail {

GreenletPayload* GreenletState::payloadOf(Value self)
{
    ObjectSpace& space = vm.space();
    if (self.isObject() && hasInlinePayload(self.object())) {
        GreenletPayload*& slot = inlineSlot(self.object());
        if (slot) return slot;
        slot = new GreenletPayload(*this, self.object());
        GreenletPayload* p = slot;
        if (!makingMain && !initGreenlet(*p, nullptr)) return nullptr;
        return p;
    }
    DictObject* d = instanceDict(space, self);
    if (!d) {
        space.raise(space.types().TypeError, "expected a greenlet");
        return nullptr;
    }
    if (!payloadKey) payloadKey = space.intern(kPayloadKey);
    const Value key = Value::fromObject(payloadKey);
    if (Value box = dictGetWithHash(space, d, key, strHash(payloadKey)))
        if (auto* p = static_cast<GreenletPayload*>(nativePayload(space, boxType.get(), box))) return p;
    auto owned = std::make_unique<GreenletPayload>(*this, self.object());
    GreenletPayload* p = owned.get();
    Ref box = newNativeBox(space, boxType.get(), std::move(owned));
    if (!box || !dictSetStr(space, d, kPayloadKey, box.get())) return nullptr;
    if (!makingMain && !initGreenlet(*p, nullptr)) return nullptr;
    return p;
}

} // namespace detail

Ref createGreenletModule(Vm& vm)
{
    ObjectSpace& space = vm.space();
    Ref module = newModule(space, "greenlet");
    if (!module) return Ref();
    DictObject* d = moduleDict(module.get());
    Ref moduleName = newStr(space, "greenlet");

    Ref stateType = detail::newNativeBoxType(space, "greenlet_state");
    Ref boxType = detail::newNativeBoxType(space, "greenlet_core");
    if (!stateType || !boxType) return Ref();
    auto owned = std::make_unique<GreenletState>(vm);
    GreenletState* st = owned.get();
    Ref stateBox = detail::newNativeBox(space, stateType.get(), std::move(owned));
    if (!stateBox) return Ref();
    st->boxType = boxType;

    Ref bases = newTupleOf(space, {Value::fromObject(space.types().objectType)});
    Ref ns = newDict(space);
    if (!bases || !ns) return Ref();
    dictSetStr(space, ns.as<DictObject>(), "__module__", moduleName.get());
    dictSetStr(space, ns.as<DictObject>(), kStateKey,
               Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(st))));
    Ref type = newClass(space, "greenlet", bases.get(), ns.get());
    if (!type) return Ref();
    auto* t = type.as<TypeObject>();
    addMethods(space, t, {{"__init__", greenletInit}, {"switch", greenletSwitch}, {"throw", greenletThrow}});
    addGetSets(space, t, {{"dead", getDead}, {"parent", getParent, setParent}, {"run", getRun, setRun}});
    t->m_basicSize += std::uint32_t(sizeof(GreenletPayload*));
    t->m_slots.destroy = greenletObjectClear;
    t->m_slots.clear = greenletObjectClear;
    t->m_slots.traverse = greenletObjectTraverse;
    updateSlots(space, t);
    t->m_slots.isTrue = greenletIsTrue;
    st->greenletType = type;
    st->emptyPacked = newTupleOf(space, {space.emptyTuple(), Value::none()});
    if (!st->emptyPacked) return Ref();

    st->exitType = makeExceptionClass(space, "GreenletExit", space.types().BaseException);
    st->errorType = makeExceptionClass(space, "error", space.types().Exception);
    if (!st->exitType || !st->errorType) return Ref();

    dictSetStr(space, d, "greenlet", type.get());
    dictSetStr(space, d, "GreenletExit", st->exitType.get());
    dictSetStr(space, d, "error", st->errorType.get());
    Ref fn = newBuiltinFunction(space, "getcurrent", getcurrentFn, stateBox.get(), moduleName.get());
    if (!fn) return Ref();
    dictSetStr(space, d, "getcurrent", fn.get());
    // python-greenlet has it on the class too: greenlet.getcurrent() (a
    // built-in function, so no binding through an instance either).
    dictSetStr(space, t->m_dict, "getcurrent", fn.get());
    dictSetStr(space, d, "__greenlet_state__", stateBox.get());
    return module;
}

} // namespace coroscope::pylite
