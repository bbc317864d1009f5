#include "core/script/modules/greenlet/GreenletState.h"

#include "core/runtime/greenlet/GreenletError.h"
#include "core/runtime/greenlet/GreenletExit.h"
#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <new>
#include <vector>

namespace coroscope::pylite::detail {

namespace {

/// Heap bytes of the interpreter frames on the chain ending at `top`: the
/// pylite frames of the running greenlet (its chain stops at its entry frame).
std::uint64_t frameChainBytes(const Frame* top)
{
    std::uint64_t bytes = 0;
    for (const Frame* f = top; f; f = f->m_back) bytes += frameBytes(f->slotCapacity());
    return bytes;
}

/// Emits a Memory event for `from`, which is switching away: the machine
/// stack it uses (its stack's high end minus the address of a local here,
/// on its stack) and the pylite frames it keeps. Nothing when the observer
/// does not run on `from`'s stack (a greenlet killed from another one), nor
/// for the main greenlet: its stack is the thread's, shared with the host
/// program, and its depth there would make the trace depend on the host and
/// on address randomization (the trace is byte-identical for the same inputs).
void traceStackMemory(Vm& vm, const Greenlet& from)
{
    if (from.isMain()) return;
    volatile char probe = 0;
    const auto sp = reinterpret_cast<std::uintptr_t>(&probe);
    if (sp <= from.stackLow() || sp >= from.stackHigh()) return;
    const std::uint64_t machine = from.stackHigh() - sp;
    const std::uint64_t frames = frameChainBytes(vm.currentFrame());
    Event e;
    e.kind = EventKind::Memory;
    e.a = std::uint8_t(MemoryKind::Stack);
    e.subject = from.id();
    e.x = std::uint32_t(machine);
    e.y = std::uint32_t(frames);
    e.v = machine + frames;
    vm.context()->emit(e);
}

void setDepth(ObjectSpace& space, int depth)
{
    while (space.recursionDepth() > depth) space.leaveRecursion();
    while (space.recursionDepth() < depth) {
        if (!space.enterRecursion()) {
            space.clearError();
            return;
        }
    }
}

bool isGreenletExit(ObjectSpace& space, Value exitType, Value exc)
{
    return exc && isInstance(space, exc, exitType) == 1;
}

} // namespace

Ref packValue(ObjectSpace& space, Value value)
{
    Ref args = newTupleOf(space, {value});
    if (!args) return Ref();
    return newTupleOf(space, {args.get(), Value::none()});
}

Ref unpackValue(ObjectSpace& space, Value packed)
{
    TupleObject* t = asTuple(packed);
    Value args = t->item(0);
    Value kwargs = t->item(1);
    if (!kwargs.isNone() && asDict(kwargs)->m_used > 0) {
        if (asTuple(args)->m_size == 0) return Ref::borrow(kwargs);
        return newTupleOf(space, {args, kwargs});
    }
    if (asTuple(args)->m_size == 1) return Ref::borrow(asTuple(args)->item(0));
    return Ref::borrow(args);
}

// ------------------------------------------------------------- payloads

GreenletPayload::GreenletPayload(GreenletState& s, Object* o)
    : state(&s)
    , owner(o)
{
    s.live.insert(this);
}

GreenletPayload::~GreenletPayload()
{
    if (!state) return;
    state->live.erase(this);
    if (greenlet) {
        auto it = state->payloads.find(greenlet.get());
        if (it != state->payloads.end() && it->second == this) state->payloads.erase(it);
    }
}

// ---------------------------------------------------------------- state

GreenletState::GreenletState(Vm& v)
    : vm(v)
{
    RunContext* ctx = vm.context();
    // Traced, the VM has announced its main task: the main greenlet is it.
    runtime = std::make_unique<GreenletRuntime>(ctx ? *ctx : ownContext, pool, vm.tracing() ? vm.mainTask() : 0);
    runtime->setDiscardHandler([this](Greenlet::Value word) {
        if (word) Ref::steal(Value::fromBits(word));
    });
    runtime->setUnraisableHandler([](Greenlet&, std::exception_ptr) {});
    runtime->setSwitchObserver([this](Greenlet& from, Greenlet& to) { onSwitch(from, to); });
}

GreenletState::~GreenletState()
{
    // Suspended greenlets are not resumed into pylite code here: the VM is
    // being torn down (globals may already be cleared). The runtime kills
    // them with a C++ GreenletExit that unwinds their C++ frames without
    // landing in pylite code (see switchTo), as CPython does not run them
    // at interpreter exit either.
    tearingDown = true;
    if (greenletType) {
        auto* t = static_cast<TypeObject*>(greenletType.get().object());
        dictSetStr(vm.space(), t->m_dict, "__greenlet_state__", Value::none());
        vm.space().clearError();
    }
    mainObject.reset();
    for (GreenletPayload* p : live) p->state = nullptr;
    live.clear();
    payloads.clear();
    runtime.reset();
    for (int i = 0; i < 2; ++i) {
        m_cacheKey[i] = nullptr;
        m_cacheValue[i] = nullptr;
    }
    saved.clear();
}

SavedVm* GreenletState::findSaved(const Greenlet* g)
{
    if (m_cacheKey[0] == g) return m_cacheValue[0];
    SavedVm* v;
    if (m_cacheKey[1] == g) {
        v = m_cacheValue[1];
    } else {
        auto it = saved.find(g);
        if (it == saved.end()) return nullptr;
        v = it->second.get();
    }
    m_cacheKey[1] = m_cacheKey[0];
    m_cacheValue[1] = m_cacheValue[0];
    m_cacheKey[0] = g;
    m_cacheValue[0] = v;
    return v;
}

void GreenletState::forgetSaved(const Greenlet* g)
{
    for (int i = 0; i < 2; ++i) {
        if (m_cacheKey[i] == g) {
            m_cacheKey[i] = nullptr;
            m_cacheValue[i] = nullptr;
        }
    }
    saved.erase(g);
}

SavedVm& GreenletState::savedFor(const Greenlet& g)
{
    if (SavedVm* v = findSaved(&g)) return *v;
    std::unique_ptr<SavedVm>& s = saved[&g];
    if (!s) s = std::make_unique<SavedVm>();
    return *findSaved(&g);
}

void GreenletState::onSwitch(const Greenlet& from, const Greenlet& to)
{
    // At teardown no pylite code runs again (see ~GreenletState): the VM
    // state stays as it is and `saved` is cleared afterwards.
    if (tearingDown) return;
    if (vm.tracing() && !from.dead()) traceStackMemory(vm, from);
    SavedVm& out = savedFor(from);
    vm.frames().swap(out.frames);
    out.current = vm.currentFrame();
    out.depth = vm.space().recursionDepth();
    // The frame stack now in the VM is a spare, empty one: a starting
    // greenlet keeps it, a suspended one swaps its own back in.
    if (SavedVm* found = findSaved(&to)) {
        SavedVm& in = *found;
        vm.frames().swap(in.frames);
        vm.setCurrentFrame(in.current);
        setDepth(vm.space(), in.depth);
    } else {
        vm.setCurrentFrame(nullptr);
    }
    const GreenletRuntime::StackBounds b = runtime->currentStackBounds();
    vm.setStackBounds(b.low, b.high);
    if (vm.tracing()) vm.setRunningTask(to.id());
    if (from.dead()) forgetSaved(&from);
}

Value GreenletState::objectOf(const Greenlet& g)
{
    auto it = payloads.find(&g);
    if (it != payloads.end()) return Value::fromObject(it->second->owner);
    if (!g.isMain()) return Value::none();
    if (!mainObject) {
        ObjectSpace& space = vm.space();
        makingMain = true;
        Ref obj = callFunction(space, greenletType.get(), {});
        GreenletPayload* p = obj ? payloadOf(obj.get()) : nullptr;
        makingMain = false;
        if (!p) return Value();
        if (!p) return Value();
        p->greenlet = runtime->main();
        p->parentObject.reset();
        payloads[p->greenlet.get()] = p;
        mainObject = std::move(obj);
    }
    return mainObject.get();
}

bool GreenletState::initGreenlet(GreenletPayload& p, GreenletPayload* parent)
{
    ObjectSpace& space = vm.space();
    if (!parent) {
        Value cur = objectOf(runtime->currentGreenlet());
        if (!cur) return false;
        parent = payloadOf(cur);
        if (!parent) return false;
    }
    Object* owner = p.owner;
    try {
        p.greenlet = runtime->create([this, owner](Greenlet::Value word) { return body(owner, word); },
                                     parent->greenlet);
    } catch (const GreenletError& e) {
        space.raise(space.types().ValueError, e.what());
        return false;
    }
    p.parentObject = Ref::borrow(parent->owner);
    payloads[p.greenlet.get()] = &p;
    return true;
}

std::uint64_t GreenletState::body(Object* owner, std::uint64_t word)
{
    ObjectSpace& space = vm.space();
    Ref packed = Ref::steal(Value::fromBits(word));
    Ref result;
    {
        // The body must not keep its own greenlet object alive (python-greenlet's
        // running frame does not either): dropping the last reference to a
        // suspended greenlet kills it.
        Ref fn;
        {
            Ref self = Ref::borrow(owner);
            GreenletPayload* p = payloadOf(self.get());
            if (p && p->run) {
                fn = std::move(p->run);
            } else if (p) {
                fn = getAttr(space, self.get(), "run");
            }
        }
        if (fn) {
            std::vector<Value> values;
            Ref kwnames;
            Value args = packed ? asTuple(packed.get())->item(0) : Value();
            Value kwargs = packed ? asTuple(packed.get())->item(1) : Value();
            if (args)
                for (std::int64_t i = 0; i < asTuple(args)->m_size; ++i) values.push_back(asTuple(args)->item(i));
            const std::size_t positional = values.size();
            if (kwargs && !kwargs.isNone() && asDict(kwargs)->m_used > 0) {
                std::vector<Value> names;
                std::int64_t pos = 0;
                Value k, v;
                while (dictNext(asDict(kwargs), pos, k, v)) {
                    names.push_back(k);
                    values.push_back(v);
                }
                kwnames = newTupleFrom(space, names.data(), std::int64_t(names.size()));
            }
            if (!kwargs || kwargs.isNone() || kwnames)
                result = call(space, fn.get(), CallArgs(values.data(), positional, kwnames.as<TupleObject>()));
        }
    }
    packed.reset();
    if (result) {
        Ref out = packValue(space, result.get());
        if (out) return out.release().bits();
    }
    Ref exc = space.takeError();
    if (!exc) exc = newExceptionWithMessage(space, space.types().SystemError, "greenlet ended without a result");
    if (isGreenletExit(space, exitType.get(), exc.get())) {
        Ref out = packValue(space, exc.get());
        if (out) return out.release().bits();
        exc = space.takeError();
    }
    throw PyGreenletError{std::move(exc)};
}

Ref GreenletState::switchTo(Greenlet& target, Ref packed, Ref thrown)
{
    if (!thrown) return sendTo(target, std::move(packed));
    ObjectSpace& space = vm.space();
    return jumpAndLand([&] {
        if (isGreenletExit(space, exitType.get(), thrown.get())) {
            Ref carried = packValue(space, thrown.get());
            return target.throwIn(std::make_exception_ptr(GreenletExit(carried.release().bits())));
        }
        return target.throwIn(std::make_exception_ptr(PyGreenletError{std::move(thrown)}));
    });
}

bool GreenletState::passesExit(const GreenletExit& e) const
{
    // The runtime kills greenlets with a GreenletExit carrying no value.
    // Once the VM finalizes its program (the main module is gone) or the
    // module state is going away, the killed greenlet's pylite code is not
    // resumed (its globals may be half torn down): the exception unwinds
    // its C++ frames up to the runtime instead.
    return tearingDown || (!e.hasValue() && vm.finalizing());
}

Ref GreenletState::land(std::uint64_t word, std::exception_ptr error)
{
    ObjectSpace& space = vm.space();
    if (!error) {
        if (!word) return Ref::none();
        Ref packed = Ref::steal(Value::fromBits(word));
        return unpackValue(space, packed.get());
    }
    try {
        std::rethrow_exception(error);
    } catch (PyGreenletError& e) {
        space.restoreError(std::move(e.exception));
    } catch (const GreenletExit& e) {
        if (e.hasValue() && e.value()) {
            Ref packed = Ref::steal(Value::fromBits(e.value()));
            Ref exc = unpackValue(space, packed.get());
            space.restoreError(std::move(exc));
        } else {
            Ref exc = callFunction(space, exitType.get(), {});
            if (exc) space.raise(std::move(exc));
        }
    } catch (const GreenletError& e) {
        switch (e.kind()) {
        case GreenletError::Kind::ValueError: space.raise(space.types().ValueError, e.what()); break;
        case GreenletError::Kind::AttributeError: space.raise(space.types().AttributeError, e.what()); break;
        case GreenletError::Kind::Error:
            space.raise(static_cast<TypeObject*>(errorType.get().object()), e.what());
            break;
        }
    } catch (const std::bad_alloc&) {
        space.raiseMemoryError();
    }
    return Ref();
}

} // namespace coroscope::pylite::detail
