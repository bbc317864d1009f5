// Generators, coroutines and async generators: objects that own their
// frame (MicroPython's objgenerator). Resuming links the frame into the
// running chain and runs it until it yields, returns or raises; nothing is
// allocated. send/throw/close follow CPython's genobject.c, including the
// delegation of throw/close to a `yield from` / `await` subiterator.

#include "core/script/value/Args.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/detail/Interp.h"
#include "core/script/vm/detail/VmSetup.h"

#include <cstdio>

namespace coroscope::pylite {

namespace {

GenKind kindOf(const Code& code)
{
    if (code.has(CodeFlag::AsyncGenerator)) return GenKind::AsyncGenerator;
    if (code.has(CodeFlag::Coroutine)) return GenKind::Coroutine;
    return GenKind::Generator;
}

const char* kindName(GenKind k)
{
    switch (k) {
    case GenKind::Generator:
        return "generator";
    case GenKind::Coroutine:
        return "coroutine";
    case GenKind::AsyncGenerator:
        return "async generator";
    }
    return "generator";
}

bool isGenLike(Vm& vm, Value v)
{
    if (!v.isObject()) return false;
    TypeObject* t = v.object()->m_type;
    VmTypes& types = vm.vmTypes();
    return t == types.generator.get() || t == types.coroutine.get() || t == types.asyncGenerator.get();
}

/// Releases the frame's contents (not the function) and marks it closed.
void clearGeneratorFrame(Vm& vm, GeneratorObject* gen, Value* sp)
{
    Frame* f = gen->frame();
    gen->m_state = GenState::Closed;
    if (f->m_countsRecursion) {
        vm.space().leaveRecursion();
        f->m_countsRecursion = false;
    }
    if (!f->m_code) return;
    Value* slots = f->slots();
    const std::uint32_t n = f->m_code->slotCount();
    for (std::uint32_t i = 0; i < n; ++i) clearField(slots[i]);
    if (!sp) sp = f->m_sp;
    for (Value* p = f->stackBase(); p < sp; ++p) clearField(*p);
    f->m_sp = f->stackBase();
    clearField(f->m_excInfo);
    clearField(f->m_locals);
    f->m_back = nullptr;
}

/// The subiterator a generator suspended in `yield from` / `await`
/// delegates to (borrowed), or null.
Value yieldFromTarget(GeneratorObject* gen)
{
    if (gen->m_state != GenState::Suspended) return Value();
    Frame* f = gen->frame();
    if (f->m_ip <= f->codeStart()) return Value();
    const CodeWord w = f->m_ip[-1];
    if (opcodeOf(w) != Opcode::YIELD_VALUE || !(argOf(w) & kYieldFromFlag)) return Value();
    return f->m_sp[-1];
}

/// After a subiterator finished: drop it and move to the SEND's exit.
void leaveYieldFrom(GeneratorObject* gen)
{
    Frame* f = gen->frame();
    Value recv = *--f->m_sp;
    decref(recv);
    const CodeWord send = f->m_ip[-2];
    f->m_ip = f->codeStart() + argOf(send);
}

/// The value of the pending StopIteration (taken), or false if the pending
/// error is something else.
bool takeStopIterationValue(ObjectSpace& space, Ref& value)
{
    if (!space.errorMatches(space.types().StopIteration)) return false;
    Ref exc = space.takeError();
    value = Ref::borrow(exceptionField(exc.get(), ExcField::StopIterationValue));
    return true;
}

void raiseStopIteration(ObjectSpace& space, Value value)
{
    if (!value || value.isNone())
        space.raiseEmpty(space.types().StopIteration);
    else
        space.raiseWith(space.types().StopIteration, value);
}

/// Turns `exc` (a class or an instance) into an exception instance, as
/// gen.throw does. Null with TypeError pending otherwise.
Ref normalizeThrown(ObjectSpace& space, Value type, Value value)
{
    if (isExceptionType(space, type)) {
        if (value && !value.isNone()) {
            if (space.isInstance(value, static_cast<TypeObject*>(type.object()))) return Ref::borrow(value);
            Ref args = isTuple(space, value) ? Ref::borrow(value) : newTupleOf(space, {value});
            if (!args) return Ref();
            return call(space, type, CallArgs(asTuple(args.get())->items(), std::size_t(asTuple(args.get())->m_size)));
        }
        return call(space, type, CallArgs());
    }
    if (isException(space, type)) {
        if (value && !value.isNone())
            return space.raise(space.types().TypeError, "instance exception may not have a separate value");
        return Ref::borrow(type);
    }
    std::string msg = "exceptions must be classes or instances deriving from BaseException, not ";
    msg += typeName(space, type);
    return space.raise(space.types().TypeError, msg);
}

} // namespace

// ------------------------------------------------------------ creation

Value generatorName(const GeneratorObject* gen)
{
    return gen->m_renamed ? asTuple(gen->m_names)->item(0) : codeOf(gen->m_names).name.get();
}

Value generatorQualname(const GeneratorObject* gen)
{
    return gen->m_renamed ? asTuple(gen->m_names)->item(1) : codeOf(gen->m_names).qualname.get();
}

Ref Interp::newGenerator(Vm& vm, FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames)
{
    ObjectSpace& space = vm.space();
    Code& code = *func->m_codePtr;
    const GenKind kind = kindOf(code);
    VmTypes& types = vm.vmTypes();
    TypeObject* type = kind == GenKind::Generator   ? types.generator.get()
                       : kind == GenKind::Coroutine ? types.coroutine.get()
                                                    : types.asyncGenerator.get();
    const std::uint32_t slots = code.slotCount() + code.stackSize;
    auto* gen = space.heap().alloc<GeneratorObject>(type, sizeof(GeneratorObject) + frameBytes(slots));
    if (!gen) return Ref();
    Ref result = Ref::steal(gen);
    gen->m_frameSlots = slots;
    gen->m_kind = kind;
    gen->m_state = GenState::Closed;
    if (func->m_name == code.name.get() && func->m_qualname == code.qualname.get()) {
        incref(func->m_code);
        gen->m_names = func->m_code;
    } else {
        Ref names = newTupleOf(space, {func->m_name, func->m_qualname});
        if (!names) return Ref();
        gen->m_names = names.release();
        gen->m_renamed = true;
    }
    Frame* f = gen->frame();
    if (!initFrame(vm, f, func, args, nargs, kwnames)) {
        clearGeneratorFrame(vm, gen, nullptr);
        return Ref();
    }
    gen->m_state = GenState::Created;
    return result;
}

void Interp::finishGenerator(Vm& vm, GeneratorObject* gen, Value* sp) { clearGeneratorFrame(vm, gen, sp); }

void Interp::convertStopIteration(Vm& vm, GeneratorObject* gen)
{
    ObjectSpace& space = vm.space();
    const char* what = nullptr;
    if (space.errorMatches(space.types().StopIteration))
        what = "StopIteration";
    else if (gen->m_kind == GenKind::AsyncGenerator && space.errorMatches(space.types().StopAsyncIteration))
        what = "StopAsyncIteration";
    if (!what) return;
    Ref original = space.takeError();
    std::string msg = std::string(kindName(gen->m_kind)) + " raised " + what;
    Ref exc = newExceptionWithMessage(space, space.types().RuntimeError, msg);
    if (!exc) return;
    setExceptionCause(exc.get(), original.get());
    setExceptionContext(exc.get(), original.get());
    space.restoreError(std::move(exc));
}

// -------------------------------------------------------------- resume

ResumeResult Vm::resume(Value generator, Value sent, Value injected)
{
    ResumeResult out;
    GeneratorObject* gen = asGenerator(generator);
    ObjectSpace& space = m_space;
    if (m_limitHit) {
        space.raise(space.types().RuntimeError, "the step limit was reached");
        return out;
    }
    if (gen->m_state == GenState::Running) {
        std::string msg = std::string(kindName(gen->m_kind)) + " already executing";
        space.raise(space.types().ValueError, msg);
        return out;
    }
    if (gen->m_state == GenState::Closed) {
        if (injected) {
            space.restoreError(Ref::borrow(injected));
            return out;
        }
        if (gen->m_kind == GenKind::Coroutine) {
            space.raise(space.types().RuntimeError, "cannot reuse already awaited coroutine");
            return out;
        }
        out.kind = ResumeResult::Kind::Returned;
        out.value = Ref::none();
        return out;
    }
    Frame* f = gen->frame();
    if (!f->m_started && !injected && sent && !sent.isNone()) {
        std::string msg = std::string("can't send non-None value to a just-started ") + kindName(gen->m_kind);
        space.raise(space.types().TypeError, msg);
        return out;
    }
    if (!checkMachineStack(" while calling a Python object")) return out;
    if (!space.enterRecursion()) return out;
    f->m_countsRecursion = true;
    Ref keep = Ref::borrow(generator);
    if (f->m_started && !injected) {
        Value v = sent ? sent : Value::none();
        incref(v);
        *f->m_sp++ = v;
    }
    f->m_started = true;
    gen->m_state = GenState::Running;
    linkFrame(f, m_current, ResumeMode::Entry);
    if (f->m_excInfo) Interp::setHandled(*this, f->m_excInfo);
    if (m_tracing) Interp::traceGenResume(*this, gen);
    if (injected) {
        if (f->m_excInfo && f->m_excInfo != injected) setExceptionContext(injected, f->m_excInfo);
        space.restoreError(Ref::borrow(injected));
    }
    Ref result;
    const Exit exit = execute(f, result, static_cast<bool>(injected));
    switch (exit) {
    case Exit::Yield:
        out.kind = ResumeResult::Kind::Yielded;
        out.value = std::move(result);
        break;
    case Exit::Return:
        out.kind = ResumeResult::Kind::Returned;
        out.value = std::move(result);
        break;
    case Exit::Raise:
        out.kind = ResumeResult::Kind::Raised;
        break;
    }
    return out;
}

namespace {

/// CPython's _gen_throw: delegates to a subiterator first. The result is in
/// resume() terms.
ResumeResult throwInto(Vm& vm, GeneratorObject* gen, Ref exc, bool closeOnGenExit)
{
    ObjectSpace& space = vm.space();
    Value yf = yieldFromTarget(gen);
    if (yf) {
        Ref keepYf = Ref::borrow(yf);
        Ref keepGen = Ref::borrow(Value::fromObject(gen));
        if (space.isInstance(exc.get(), space.types().GeneratorExit) && closeOnGenExit) {
            gen->m_state = GenState::Running;
            bool failed = false;
            if (isGenLike(vm, yf)) {
                failed = !vm.genClose(yf);
            } else {
                Ref close = getAttrOptional(space, yf, space.intern("close"));
                if (close) failed = !callFunction(space, close.get(), {});
                else failed = space.hasError();
            }
            gen->m_state = GenState::Suspended;
            if (failed) {
                Ref err = space.takeError();
                return vm.resume(Value::fromObject(gen), Value(), err.get());
            }
            return vm.resume(Value::fromObject(gen), Value(), exc.get());
        }
        ResumeResult inner;
        bool haveInner = false;
        if (isGenLike(vm, yf) && space.typeOf(yf) != vm.vmTypes().asyncGenerator.get()) {
            gen->m_state = GenState::Running;
            inner = throwInto(vm, asGenerator(yf), exc, closeOnGenExit);
            gen->m_state = GenState::Suspended;
            haveInner = true;
        } else {
            Ref meth = getAttrOptional(space, yf, space.intern("throw"));
            if (!meth && space.hasError()) {
                Ref err = space.takeError();
                return vm.resume(Value::fromObject(gen), Value(), err.get());
            }
            if (meth) {
                gen->m_state = GenState::Running;
                Ref r = callFunction(space, meth.get(), {exc.get()});
                gen->m_state = GenState::Suspended;
                if (r) {
                    inner.kind = ResumeResult::Kind::Yielded;
                    inner.value = std::move(r);
                } else {
                    inner.kind = ResumeResult::Kind::Raised;
                }
                haveInner = true;
            }
        }
        if (haveInner) {
            if (inner.kind == ResumeResult::Kind::Yielded) return inner;
            Ref value;
            if (inner.kind == ResumeResult::Kind::Returned) {
                value = std::move(inner.value);
            } else if (!takeStopIterationValue(space, value)) {
                leaveYieldFrom(gen);
                Ref err = space.takeError();
                return vm.resume(Value::fromObject(gen), Value(), err.get());
            }
            leaveYieldFrom(gen);
            return vm.resume(Value::fromObject(gen), value ? value.get() : Value::none());
        }
    }
    return vm.resume(Value::fromObject(gen), Value(), exc.get());
}

Ref resultToValue(Vm& vm, ResumeResult r)
{
    switch (r.kind) {
    case ResumeResult::Kind::Yielded:
        return std::move(r.value);
    case ResumeResult::Kind::Returned:
        raiseStopIteration(vm.space(), r.value.get());
        return Ref();
    case ResumeResult::Kind::Raised:
        return Ref();
    }
    return Ref();
}

} // namespace

Ref Vm::genSend(Value generator, Value sent) { return resultToValue(*this, resume(generator, sent)); }

Ref Vm::genThrow(Value generator, Value exc)
{
    return resultToValue(*this, throwInto(*this, asGenerator(generator), Ref::borrow(exc), true));
}

Ref Vm::genClose(Value generator)
{
    GeneratorObject* gen = asGenerator(generator);
    ObjectSpace& space = m_space;
    if (gen->m_state == GenState::Closed) return Ref::none();
    if (gen->m_state == GenState::Created) {
        clearGeneratorFrame(*this, gen, nullptr);
        return Ref::none();
    }
    if (gen->m_state == GenState::Running) {
        std::string msg = std::string(kindName(gen->m_kind)) + " already executing";
        return space.raise(space.types().ValueError, msg);
    }
    Ref keep = Ref::borrow(generator);
    Value yf = yieldFromTarget(gen);
    Ref err;
    if (yf) {
        Ref keepYf = Ref::borrow(yf);
        gen->m_state = GenState::Running;
        bool failed;
        if (isGenLike(*this, yf)) {
            failed = !genClose(yf);
        } else {
            Ref close = getAttrOptional(space, yf, space.intern("close"));
            failed = close ? !pylite::callFunction(space, close.get(), {}) : space.hasError();
        }
        gen->m_state = GenState::Suspended;
        if (failed) err = space.takeError();
    }
    if (!err) {
        err = newException(space, space.types().GeneratorExit, space.emptyTuple());
        if (!err) return Ref();
    }
    ResumeResult r = resume(generator, Value(), err.get());
    if (r.kind == ResumeResult::Kind::Yielded) {
        const char* msg = gen->m_kind == GenKind::Coroutine        ? "coroutine ignored GeneratorExit"
                          : gen->m_kind == GenKind::AsyncGenerator ? "async generator ignored GeneratorExit"
                                                                   : "generator ignored GeneratorExit";
        return space.raise(space.types().RuntimeError, msg);
    }
    if (r.kind == ResumeResult::Kind::Returned) return Ref::none();
    if (space.errorMatches(space.types().StopIteration) || space.errorMatches(space.types().GeneratorExit)) {
        space.clearError();
        return Ref::none();
    }
    return Ref();
}

// ------------------------------------------------------------ the types

namespace {

Ref genRepr(ObjectSpace& space, Value self)
{
    GeneratorObject* gen = asGenerator(self);
    const char* kind = gen->m_kind == GenKind::Generator   ? "generator"
                       : gen->m_kind == GenKind::Coroutine ? "coroutine"
                                                           : "async_generator";
    std::string text = std::string("<") + kind + " object " + std::string(strView(generatorQualname(gen))) + " at " +
                       space.addressText(self.object()) + ">";
    return newStr(space, text);
}

std::size_t genSize(const Object* self)
{
    const auto* gen = static_cast<const GeneratorObject*>(self);
    return sizeof(GeneratorObject) + frameBytes(gen->m_frameSlots);
}

void genTraverse(Object* self, VisitFn visit, void* ctx)
{
    auto* gen = static_cast<GeneratorObject*>(self);
    visit(gen->m_names, ctx);
    Frame* f = gen->frame();
    visit(f->m_func, ctx);
    if (gen->m_state == GenState::Closed || !f->m_code) return;
    visit(f->m_locals, ctx);
    visit(f->m_excInfo, ctx);
    const std::uint32_t n = f->m_code->slotCount();
    for (std::uint32_t i = 0; i < n; ++i) visit(f->slots()[i], ctx);
    // A running frame's stack pointer lives in the dispatch loop's
    // registers; its values are reported as external references instead.
    if (gen->m_state != GenState::Running)
        for (Value* p = f->stackBase(); p < f->m_sp; ++p) visit(*p, ctx);
}

void genClear(ObjectSpace& space, Object* self)
{
    auto* gen = static_cast<GeneratorObject*>(self);
    if (gen->m_state == GenState::Running) return;
    if (gen->m_state != GenState::Closed) clearGeneratorFrame(vmOf(space), gen, nullptr);
    clearField(gen->frame()->m_func);
}

void genDestroy(ObjectSpace& space, Object* self)
{
    auto* gen = static_cast<GeneratorObject*>(self);
    Frame* f = gen->frame();
    if (gen->m_state != GenState::Closed && f->m_code) {
        gen->m_state = GenState::Closed;
        if (f->m_countsRecursion) space.leaveRecursion();
        f->m_countsRecursion = false;
        const std::uint32_t n = f->m_code->slotCount();
        for (std::uint32_t i = 0; i < n; ++i) clearField(f->slots()[i]);
        for (Value* p = f->stackBase(); p < f->m_sp; ++p) clearField(*p);
        clearField(f->m_excInfo);
        clearField(f->m_locals);
    }
    clearField(f->m_func);
    clearField(gen->m_names);
}

void genFinalize(ObjectSpace& space, Object* self)
{
    auto* gen = static_cast<GeneratorObject*>(self);
    if (!space.interpreter()) return;
    if (gen->m_kind == GenKind::Coroutine && gen->m_state == GenState::Created) {
        Ref saved = space.takeError();
        std::string msg = "coroutine '" + std::string(strView(generatorQualname(gen))) + "' was never awaited";
        vmOf(space).warn("RuntimeWarning", msg, WarningKind::NeverAwaited, true);
        if (saved) space.restoreError(std::move(saved));
        return;
    }
    if (gen->m_state != GenState::Suspended) return;
    Vm& vm = vmOf(space);
    if (vm.limitReached()) return;
    Ref saved = space.takeError();
    Value genValue = Value::fromObject(self);
    Ref r = gen->m_kind == GenKind::AsyncGenerator ? Ref::none() : vm.genClose(genValue);
    if (!r) {
        Ref err = space.takeError();
        if (err) vm.writeUnraisable(err.get(), genValue);
    }
    if (saved) space.restoreError(std::move(saved));
}

Ref genIterSelf(ObjectSpace&, Value self) { return Ref::borrow(self); }

/// The `next` slot: exhaustion is a null result without an exception, so
/// the return value is dropped (next() and `yield from` use genSend, which
/// reports it through StopIteration.value).
Ref genNext(ObjectSpace& space, Value self)
{
    ResumeResult r = vmOf(space).resume(self, Value::none());
    if (r.kind == ResumeResult::Kind::Yielded) return std::move(r.value);
    return Ref();
}

Ref genSendMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "send")) return Ref();
    return vmOf(space).genSend(self, args[0]);
}

Ref genThrowMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoKeywords(space, args, "throw")) return Ref();
    if (args.positional < 1 || args.positional > 3) {
        std::string msg = "throw expected at least 1 argument, got " + std::to_string(args.positional);
        if (args.positional > 3) msg = "throw expected at most 3 arguments, got " + std::to_string(args.positional);
        return space.raise(space.types().TypeError, msg);
    }
    Ref exc = normalizeThrown(space, args[0], args.positional > 1 ? args[1] : Value());
    if (!exc) return Ref();
    return vmOf(space).genThrow(self, exc.get());
}

Ref genCloseMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    return vmOf(space).genClose(self);
}

Ref genGetName(ObjectSpace&, Value self) { return Ref::borrow(generatorName(asGenerator(self))); }
Ref genGetQualname(ObjectSpace&, Value self) { return Ref::borrow(generatorQualname(asGenerator(self))); }
Ref genGetRunning(ObjectSpace&, Value self) { return Ref::boolean(asGenerator(self)->m_state == GenState::Running); }
Ref genGetSuspended(ObjectSpace&, Value self)
{
    return Ref::boolean(asGenerator(self)->m_state == GenState::Suspended);
}
Ref genGetCode(ObjectSpace&, Value self)
{
    Value func = asGenerator(self)->frame()->m_func;
    return func ? Ref::borrow(asFunction(func)->m_code) : Ref::none();
}
Ref genGetYieldFrom(ObjectSpace&, Value self)
{
    Value yf = yieldFromTarget(asGenerator(self));
    return yf ? Ref::borrow(yf) : Ref::none();
}
Ref genGetFrame(ObjectSpace&, Value) { return Ref::none(); }

// ---------------------------------------------------------- coroutines

Ref coroAwait(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "__await__")) return Ref();
    Vm& vm = vmOf(space);
    auto* w = space.heap().alloc<AsyncGenOpObject>(vm.vmTypes().coroutineWrapper);
    if (!w) return Ref();
    incref(self);
    w->m_gen = self;
    return Ref::steal(w);
}

void opTraverse(Object* self, VisitFn visit, void* ctx)
{
    auto* o = static_cast<AsyncGenOpObject*>(self);
    visit(o->m_gen, ctx);
    visit(o->m_value, ctx);
}
void opClear(ObjectSpace&, Object* self)
{
    auto* o = static_cast<AsyncGenOpObject*>(self);
    clearField(o->m_gen);
    clearField(o->m_value);
}

Ref wrapperNext(ObjectSpace& space, Value self)
{
    auto* w = static_cast<AsyncGenOpObject*>(self.object());
    ResumeResult r = vmOf(space).resume(w->m_gen, Value::none());
    if (r.kind == ResumeResult::Kind::Yielded) return std::move(r.value);
    if (r.kind == ResumeResult::Kind::Returned && r.value && !r.value.get().isNone())
        raiseStopIteration(space, r.value.get());
    return Ref();
}
Ref wrapperSend(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "send")) return Ref();
    return vmOf(space).genSend(static_cast<AsyncGenOpObject*>(self.object())->m_gen, args[0]);
}
Ref wrapperThrow(ObjectSpace& space, Value self, const CallArgs& args)
{
    return genThrowMethod(space, static_cast<AsyncGenOpObject*>(self.object())->m_gen, args);
}
Ref wrapperClose(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    return vmOf(space).genClose(static_cast<AsyncGenOpObject*>(self.object())->m_gen);
}

// ------------------------------------------------------ async generators

/// Did the async generator's last suspension come from a plain `yield`
/// (a value for `async for`) rather than an `await` passing through?
bool yieldedValue(GeneratorObject* gen)
{
    Frame* f = gen->frame();
    if (gen->m_state != GenState::Suspended || f->m_ip <= f->codeStart()) return false;
    const CodeWord w = f->m_ip[-1];
    return opcodeOf(w) == Opcode::YIELD_VALUE && !(argOf(w) & kYieldFromFlag);
}

Ref newAsyncGenOp(Vm& vm, Value gen, AsyncGenOp op, Value value)
{
    TypeObject* type = op == AsyncGenOp::Send ? vm.vmTypes().asyncGenASend.get() : vm.vmTypes().asyncGenAThrow.get();
    auto* o = vm.space().heap().alloc<AsyncGenOpObject>(type);
    if (!o) return Ref();
    incref(gen);
    o->m_gen = gen;
    incref(value);
    o->m_value = value;
    o->m_op = std::uint8_t(op);
    return Ref::steal(o);
}

Ref agANext(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "__anext__")) return Ref();
    return newAsyncGenOp(vmOf(space), self, AsyncGenOp::Send, Value::none());
}
Ref agAIter(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "__aiter__")) return Ref();
    return Ref::borrow(self);
}
Ref agASend(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "asend")) return Ref();
    return newAsyncGenOp(vmOf(space), self, AsyncGenOp::Send, args[0]);
}
Ref agAThrow(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1) return space.raise(space.types().TypeError, "athrow expected at least 1 argument, got 0");
    Ref exc = normalizeThrown(space, args[0], args.positional > 1 ? args[1] : Value());
    if (!exc) return Ref();
    return newAsyncGenOp(vmOf(space), self, AsyncGenOp::Throw, exc.get());
}
Ref agAClose(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "aclose")) return Ref();
    return newAsyncGenOp(vmOf(space), self, AsyncGenOp::Close, Value());
}

/// One step of an asend/athrow/aclose awaitable: `sent` is what the
/// awaiter sends (None for __next__), `thrown` an exception thrown into it.
Ref asyncGenOpStep(ObjectSpace& space, AsyncGenOpObject* op, Value sent, Value thrown)
{
    Vm& vm = vmOf(space);
    if (op->m_state == 2) {
        return space.raise(space.types().RuntimeError, op->m_op == std::uint8_t(AsyncGenOp::Send)
                                                           ? "cannot reuse already awaited __anext__()/asend()"
                                                           : "cannot reuse already awaited aclose()/athrow()");
    }
    Value genValue = op->m_gen;
    GeneratorObject* gen = asGenerator(genValue);
    const auto kind = AsyncGenOp(op->m_op);
    ResumeResult r;
    if (op->m_state == 0) {
        op->m_state = 1;
        if (kind == AsyncGenOp::Send) {
            if (thrown) {
                r = throwInto(vm, gen, Ref::borrow(thrown), false);
            } else {
                r = vm.resume(genValue, sent && !sent.isNone() ? sent : op->m_value);
            }
        } else {
            if (gen->m_state == GenState::Closed || gen->m_state == GenState::Created) {
                op->m_state = 2;
                if (gen->m_state == GenState::Created) vm.genClose(genValue);
                if (kind == AsyncGenOp::Close) return space.raiseEmpty(space.types().StopIteration);
                return space.raiseEmpty(space.types().StopAsyncIteration);
            }
            Ref exc = kind == AsyncGenOp::Close ? newException(space, space.types().GeneratorExit, space.emptyTuple())
                                                : Ref::borrow(op->m_value);
            if (!exc) return Ref();
            r = throwInto(vm, gen, std::move(exc), false);
        }
    } else if (thrown) {
        r = throwInto(vm, gen, Ref::borrow(thrown), false);
    } else {
        r = vm.resume(genValue, sent ? sent : Value::none());
    }

    switch (r.kind) {
    case ResumeResult::Kind::Yielded:
        if (yieldedValue(gen)) {
            op->m_state = 2;
            if (kind == AsyncGenOp::Close)
                return space.raise(space.types().RuntimeError, "async generator ignored GeneratorExit");
            raiseStopIteration(space, r.value.get());
            return Ref();
        }
        return std::move(r.value);
    case ResumeResult::Kind::Returned:
        op->m_state = 2;
        if (kind == AsyncGenOp::Close) return space.raiseEmpty(space.types().StopIteration);
        return space.raiseEmpty(space.types().StopAsyncIteration);
    case ResumeResult::Kind::Raised:
        op->m_state = 2;
        if (kind == AsyncGenOp::Close &&
            (space.errorMatches(space.types().StopAsyncIteration) || space.errorMatches(space.types().GeneratorExit))) {
            space.clearError();
            return space.raiseEmpty(space.types().StopIteration);
        }
        return Ref();
    }
    return Ref();
}

Ref opNext(ObjectSpace& space, Value self)
{
    Ref r = asyncGenOpStep(space, static_cast<AsyncGenOpObject*>(self.object()), Value::none(), Value());
    if (!r && space.errorMatches(space.types().StopIteration)) {
        Ref exc = space.takeError();
        Value v = exceptionField(exc.get(), ExcField::StopIterationValue);
        if (v && !v.isNone()) space.restoreError(std::move(exc));
    }
    return r;
}
Ref opSend(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "send")) return Ref();
    return asyncGenOpStep(space, static_cast<AsyncGenOpObject*>(self.object()), args[0], Value());
}
Ref opThrow(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional < 1) return space.raise(space.types().TypeError, "throw expected at least 1 argument, got 0");
    Ref exc = normalizeThrown(space, args[0], args.positional > 1 ? args[1] : Value());
    if (!exc) return Ref();
    return asyncGenOpStep(space, static_cast<AsyncGenOpObject*>(self.object()), Value(), exc.get());
}
Ref opClose(ObjectSpace&, Value self, const CallArgs&)
{
    static_cast<AsyncGenOpObject*>(self.object())->m_state = 2;
    return Ref::none();
}
Ref opAwait(ObjectSpace&, Value self, const CallArgs&) { return Ref::borrow(self); }

} // namespace

void initGeneratorTypes(Vm& vm)
{
    ObjectSpace& space = vm.space();
    VmTypes& t = vm.vmTypes();
    auto common = [&](TypeObject* type, const char* name) {
        initNativeType(space, *type, name, sizeof(GeneratorObject), std::uint32_t(TypeFlag::Gc));
        type->m_slots.repr = genRepr;
        type->m_slots.sizeOf = genSize;
        type->m_slots.traverse = genTraverse;
        type->m_slots.clear = genClear;
        type->m_slots.destroy = genDestroy;
        type->m_slots.finalize = genFinalize;
        addGetSets(space, type, {{"__name__", genGetName}, {"__qualname__", genGetQualname}});
    };
    common(t.generator, "generator");
    t.generator->m_slots.iter = genIterSelf;
    t.generator->m_slots.next = genNext;
    addMethods(space, t.generator, {{"send", genSendMethod}, {"throw", genThrowMethod}, {"close", genCloseMethod}});
    addGetSets(space, t.generator,
               {{"gi_running", genGetRunning},
                {"gi_suspended", genGetSuspended},
                {"gi_code", genGetCode},
                {"gi_frame", genGetFrame},
                {"gi_yieldfrom", genGetYieldFrom}});

    common(t.coroutine, "coroutine");
    addMethods(space, t.coroutine,
               {{"send", genSendMethod}, {"throw", genThrowMethod}, {"close", genCloseMethod}, {"__await__", coroAwait}});
    addGetSets(space, t.coroutine,
               {{"cr_running", genGetRunning},
                {"cr_suspended", genGetSuspended},
                {"cr_code", genGetCode},
                {"cr_frame", genGetFrame},
                {"cr_await", genGetYieldFrom}});

    common(t.asyncGenerator, "async_generator");
    addMethods(space, t.asyncGenerator,
               {{"__aiter__", agAIter}, {"__anext__", agANext}, {"asend", agASend}, {"athrow", agAThrow},
                {"aclose", agAClose}});
    addGetSets(space, t.asyncGenerator,
               {{"ag_running", genGetRunning}, {"ag_code", genGetCode}, {"ag_frame", genGetFrame}});

    auto opType = [&](TypeObject* type, const char* name) {
        initNativeType(space, *type, name, sizeof(AsyncGenOpObject), std::uint32_t(TypeFlag::Gc));
        type->m_slots.traverse = opTraverse;
        type->m_slots.clear = opClear;
        type->m_slots.destroy = opClear;
        type->m_slots.iter = genIterSelf;
    };
    opType(t.asyncGenASend, "async_generator_asend");
    opType(t.asyncGenAThrow, "async_generator_athrow");
    for (TypeObject* type : {t.asyncGenASend.get(), t.asyncGenAThrow.get()}) {
        type->m_slots.next = opNext;
        addMethods(space, type,
                   {{"send", opSend}, {"throw", opThrow}, {"close", opClose}, {"__await__", opAwait}});
    }
    opType(t.coroutineWrapper, "coroutine_wrapper");
    t.coroutineWrapper->m_slots.next = wrapperNext;
    addMethods(space, t.coroutineWrapper, {{"send", wrapperSend}, {"throw", wrapperThrow}, {"close", wrapperClose}});
}

} // namespace coroscope::pylite
