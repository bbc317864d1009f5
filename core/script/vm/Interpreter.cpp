// The dispatch loop: a plain `for(;;) switch` over one instruction word at
// a time (clox's run()). Hot paths (small-int arithmetic and comparisons,
// fast locals, cached globals, Python-to-Python calls, list/range/generator
// iteration) are inline; everything else calls Interp's slow paths.
//
// Register discipline: `f`, `ip`, `sp`, `slots` and `consts` cache the
// running frame. Before anything that may run other Python code or look at
// frames (calls, GC safe points, tracing) the frame's m_ip / m_sp are
// stored; after switching frames they are reloaded.
//
// The step budget, the tracing hook and the GC safe point share one
// countdown, so tracing off costs one decrement and one predictable branch
// per instruction.

#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Iterators.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Range.h"
#include "core/script/value/Set.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Vm.h"
#include "core/script/vm/detail/Interp.h"

namespace coroscope::pylite {

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

Vm::Exit Vm::execute(Frame* entry, Ref& result, bool throwFlag)
{
    Frame* f = entry;
    const CodeWord* ip;
    Value* sp;
    Value* slots;
    const Ref* consts;
    const Ref* names;
    Code* code;
    ObjectSpace& space = m_space;
    const TypeObject* functionType = m_types->function.get();
    const TypeObject* generatorType = m_types->generator.get();
    const TypeObject* coroutineType = m_types->coroutine.get();
    bool reraise = false;

#define LOAD_FRAME()                                                                                                   \
    do {                                                                                                               \
        code = f->m_code;                                                                                              \
        ip = f->m_ip;                                                                                                  \
        sp = f->m_sp;                                                                                                  \
        slots = f->slots();                                                                                            \
        consts = code->consts.data();                                                                                  \
        names = code->names.data();                                                                                    \
    } while (0)
#define SAVE_FRAME()                                                                                                   \
    do {                                                                                                               \
        f->m_ip = ip;                                                                                                  \
        f->m_sp = sp;                                                                                                  \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define NAME(i) static_cast<StrObject*>(names[i].get().object())
#define JUMP_TO(target) (ip = code->words.data() + (target))
#define GOTO_ERROR() goto error

    LOAD_FRAME();
    // Resumed with an exception injected (generator throw / close).
    if (throwFlag) goto error;

dispatch:
    for (;;) {
        const CodeWord w = *ip++;
        if (UNLIKELY(--m_countdown <= 0)) {
            SAVE_FRAME();
            if (!stepBudgetSlowPath(f, ip - 1)) GOTO_ERROR();
        }
        const std::uint32_t arg = argOf(w);
        switch (opcodeOf(w)) {
        case Opcode::NOP:
            continue;
        case Opcode::POP_TOP:
            decref(POP());
            continue;
        case Opcode::COPY: {
            Value v = sp[-std::int64_t(arg)];
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::SWAP: {
            Value t = sp[-1];
            sp[-1] = sp[-std::int64_t(arg)];
            sp[-std::int64_t(arg)] = t;
            continue;
        }
        case Opcode::PUSH_NULL:
            PUSH(Value());
            continue;
        case Opcode::LOAD_CONST: {
            Value v = consts[arg].get();
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::LOAD_FAST: {
            Value v = slots[arg];
            if (UNLIKELY(!v)) {
                Interp::raiseUnboundLocal(*this, f, arg);
                GOTO_ERROR();
            }
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::STORE_FAST: {
            Value old = slots[arg];
            slots[arg] = POP();
            decref(old);
            continue;
        }
        case Opcode::DELETE_FAST: {
            if (!slots[arg]) {
                Interp::raiseUnboundLocal(*this, f, arg);
                GOTO_ERROR();
            }
            clearField(slots[arg]);
            continue;
        }
        case Opcode::LOAD_DEREF: {
            Value v = asCell(slots[arg])->m_ref;
            if (UNLIKELY(!v)) {
                Interp::raiseUnboundDeref(*this, f, arg);
                GOTO_ERROR();
            }
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::STORE_DEREF: {
            CellObject* cell = asCell(slots[arg]);
            Value old = cell->m_ref;
            cell->m_ref = POP();
            decref(old);
            continue;
        }
        case Opcode::DELETE_DEREF: {
            CellObject* cell = asCell(slots[arg]);
            if (!cell->m_ref) {
                Interp::raiseUnboundDeref(*this, f, arg);
                GOTO_ERROR();
            }
            clearField(cell->m_ref);
            continue;
        }
        case Opcode::LOAD_CLOSURE: {
            Value cell = slots[arg];
            incref(cell);
            PUSH(cell);
            continue;
        }
        case Opcode::LOAD_CLASSDEREF: {
            SAVE_FRAME();
            Ref v = Interp::loadClassDeref(*this, f, arg);
            if (!v) GOTO_ERROR();
            PUSH(v.release());
            continue;
        }
        case Opcode::LOAD_GLOBAL: {
            InlineCache& cache = code->caches[*ip++];
            if (LIKELY(cache.owner == f->m_globals && cache.kind == 1)) {
                DictObject* g = f->m_globals;
                const std::int64_t i = cache.index;
                if (LIKELY(i < g->m_entryCount && g->m_entries[i].m_key == names[arg].get())) {
                    Value v = g->m_entries[i].m_value;
                    incref(v);
                    PUSH(v);
                    continue;
                }
            }
            Value v = Interp::loadGlobal(*this, f, NAME(arg), cache);
            if (UNLIKELY(!v)) GOTO_ERROR();
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::STORE_GLOBAL: {
            Value v = POP();
            SAVE_FRAME();
            const bool ok = dictSet(space, f->m_globals, Value::fromObject(NAME(arg)), v);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DELETE_GLOBAL:
            SAVE_FRAME();
            if (!Interp::deleteGlobal(*this, f, NAME(arg))) GOTO_ERROR();
            continue;
        case Opcode::LOAD_NAME: {
            SAVE_FRAME();
            Ref v = Interp::loadName(*this, f, NAME(arg));
            if (!v) GOTO_ERROR();
            PUSH(v.release());
            continue;
        }
        case Opcode::STORE_NAME: {
            Value v = POP();
            SAVE_FRAME();
            const bool ok = Interp::storeName(*this, f, NAME(arg), v);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DELETE_NAME:
            SAVE_FRAME();
            if (!Interp::deleteName(*this, f, NAME(arg))) GOTO_ERROR();
            continue;
        case Opcode::LOAD_ATTR: {
            Value obj = TOP();
            SAVE_FRAME();
            Ref r = getAttr(space, obj, NAME(arg));
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(obj);
            continue;
        }
        case Opcode::STORE_ATTR: {
            Value obj = POP();
            Value v = POP();
            SAVE_FRAME();
            const bool ok = setAttr(space, obj, NAME(arg), v);
            decref(obj);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DELETE_ATTR: {
            Value obj = POP();
            SAVE_FRAME();
            const bool ok = delAttr(space, obj, NAME(arg));
            decref(obj);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::LOAD_METHOD: {
            InlineCache& cache = code->caches[*ip++];
            Value obj = TOP();
            SAVE_FRAME();
            bool unbound = false;
            Ref m = Interp::loadMethod(*this, obj, NAME(arg), cache, unbound);
            if (!m) GOTO_ERROR();
            if (unbound) {
                TOP() = m.release();
                PUSH(obj);
            } else {
                TOP() = m.release();
                decref(obj);
                PUSH(Value());
            }
            continue;
        }
        case Opcode::BINARY_SUBSCR: {
            Value key = POP();
            Value obj = TOP();
            if (key.isSmallInt() && obj.isObject() && obj.object()->m_type == space.types().listType) {
                ListObject* list = asList(obj);
                std::int64_t i = key.smallIntValue();
                if (i < 0) i += list->m_size;
                if (i >= 0 && i < list->m_size) {
                    Value v = list->m_items[i];
                    incref(v);
                    TOP() = v;
                    decref(obj);
                    continue;
                }
            }
            SAVE_FRAME();
            Ref r = getItem(space, obj, key);
            decref(key);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(obj);
            continue;
        }
        case Opcode::STORE_SUBSCR: {
            Value key = POP();
            Value obj = POP();
            Value v = POP();
            SAVE_FRAME();
            bool ok;
            if (key.isSmallInt() && obj.isObject() && obj.object()->m_type == space.types().listType &&
                key.smallIntValue() >= 0 && key.smallIntValue() < asList(obj)->m_size) {
                ListObject* list = asList(obj);
                Value old = list->m_items[key.smallIntValue()];
                list->m_items[key.smallIntValue()] = v;
                decref(old);
                decref(obj);
                continue;
            }
            ok = setItem(space, obj, key, v);
            decref(key);
            decref(obj);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DELETE_SUBSCR: {
            Value key = POP();
            Value obj = POP();
            SAVE_FRAME();
            const bool ok = delItem(space, obj, key);
            decref(key);
            decref(obj);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::BUILD_SLICE: {
            sp -= arg;
            Ref r = Interp::buildSlice(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::BINARY_OP: {
            Value b = POP();
            Value a = TOP();
            Value out;
            switch (NumOp(arg & ~kInplaceFlag)) {
            case NumOp::Add:
                if (smallIntAdd(a, b, out)) {
                    TOP() = out;
                    continue;
                }
                break;
            case NumOp::Sub:
                if (smallIntSub(a, b, out)) {
                    TOP() = out;
                    continue;
                }
                break;
            case NumOp::Mul:
                if ((a.bits() & b.bits() & 1u) != 0) {
                    std::int64_t r;
                    if (!__builtin_mul_overflow(a.smallIntValue(), b.smallIntValue(), &r) && Value::fitsSmallInt(r)) {
                        TOP() = Value::smallInt(r);
                        continue;
                    }
                }
                break;
            case NumOp::FloorDiv:
            case NumOp::Mod:
                if ((a.bits() & b.bits() & 1u) != 0 && b.smallIntValue() > 0) {
                    const std::int64_t x = a.smallIntValue();
                    const std::int64_t y = b.smallIntValue();
                    std::int64_t q = x / y;
                    std::int64_t m = x % y;
                    if (m != 0 && m < 0) {
                        m += y;
                        --q;
                    }
                    TOP() = Value::smallInt(NumOp(arg & ~kInplaceFlag) == NumOp::Mod ? m : q);
                    continue;
                }
                break;
            default:
                break;
            }
            SAVE_FRAME();
            Ref r = Interp::binaryOp(*this, arg, a, b);
            decref(b);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(a);
            continue;
        }
        case Opcode::UNARY_OP: {
            Value v = TOP();
            if (v.isSmallInt() && UnaryOp(arg) == UnaryOp::Neg && v.smallIntValue() != Value::kSmallIntMin) {
                TOP() = Value::smallInt(-v.smallIntValue());
                continue;
            }
            SAVE_FRAME();
            Ref r = unaryOp(space, UnaryOp(arg), v);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(v);
            continue;
        }
        case Opcode::UNARY_NOT: {
            Value v = TOP();
            int t;
            if (v.isBool())
                t = v.isTrue();
            else {
                SAVE_FRAME();
                t = isTrue(space, v);
                if (t < 0) GOTO_ERROR();
            }
            TOP() = Value::boolean(!t);
            decref(v);
            continue;
        }
        case Opcode::COMPARE_OP: {
            Value b = POP();
            Value a = TOP();
            if ((a.bits() & b.bits() & 1u) != 0) {
                const std::int64_t x = std::int64_t(a.bits());
                const std::int64_t y = std::int64_t(b.bits());
                bool r = false;
                switch (CompareOp(arg)) {
                case CompareOp::Lt: r = x < y; break;
                case CompareOp::Le: r = x <= y; break;
                case CompareOp::Eq: r = x == y; break;
                case CompareOp::Ne: r = x != y; break;
                case CompareOp::Gt: r = x > y; break;
                case CompareOp::Ge: r = x >= y; break;
                }
                TOP() = Value::boolean(r);
                continue;
            }
            SAVE_FRAME();
            Ref r = Interp::compareOp(*this, arg, a, b);
            decref(b);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(a);
            continue;
        }
        case Opcode::IS_OP: {
            Value b = POP();
            Value a = TOP();
            TOP() = Value::boolean((a == b) != (arg != 0));
            decref(a);
            decref(b);
            continue;
        }
        case Opcode::CONTAINS_OP: {
            Value container = POP();
            Value item = TOP();
            SAVE_FRAME();
            const int r = contains(space, container, item);
            decref(container);
            if (r < 0) GOTO_ERROR();
            TOP() = Value::boolean((r != 0) != (arg != 0));
            decref(item);
            continue;
        }
        case Opcode::BUILD_TUPLE: {
            sp -= arg;
            Ref r = Interp::buildTuple(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::BUILD_LIST: {
            sp -= arg;
            Ref r = Interp::buildList(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::BUILD_SET: {
            sp -= arg;
            SAVE_FRAME();
            Ref r = Interp::buildSet(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::BUILD_MAP: {
            sp -= 2 * arg;
            SAVE_FRAME();
            Ref r = Interp::buildMap(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::BUILD_STRING: {
            sp -= arg;
            Ref r = Interp::buildString(*this, sp, arg);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::LIST_APPEND: {
            Value v = POP();
            const bool ok = listAppend(space, asList(sp[-std::int64_t(arg)]), v);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::SET_ADD: {
            Value v = POP();
            SAVE_FRAME();
            const int r = setAdd(space, asSet(sp[-std::int64_t(arg)]), v);
            decref(v);
            if (r < 0) GOTO_ERROR();
            continue;
        }
        case Opcode::MAP_ADD: {
            Value v = POP();
            Value k = POP();
            SAVE_FRAME();
            const bool ok = dictSet(space, asDict(sp[-std::int64_t(arg)]), k, v);
            decref(k);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::LIST_EXTEND: {
            Value it = POP();
            SAVE_FRAME();
            const bool ok = Interp::listExtend(*this, sp[-std::int64_t(arg)], it);
            decref(it);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::SET_UPDATE: {
            Value it = POP();
            SAVE_FRAME();
            const bool ok = setUpdate(space, asSet(sp[-std::int64_t(arg)]), it);
            decref(it);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DICT_UPDATE: {
            Value m = POP();
            SAVE_FRAME();
            const bool ok = Interp::dictUpdate(*this, sp[-std::int64_t(arg)], m);
            decref(m);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::DICT_MERGE: {
            Value m = POP();
            SAVE_FRAME();
            // The callable sits below the positional tuple and the null/self slot.
            const bool ok = Interp::dictMerge(*this, sp[-std::int64_t(arg)], m, sp[-std::int64_t(arg) - 3]);
            decref(m);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::LIST_TO_TUPLE: {
            Value list = TOP();
            Ref t = newTupleFrom(space, asList(list)->m_items, asList(list)->m_size);
            if (!t) GOTO_ERROR();
            TOP() = t.release();
            decref(list);
            continue;
        }
        case Opcode::UNPACK_SEQUENCE: {
            Value seq = TOP();
            if (seq.isObject() && seq.object()->m_type == space.types().tupleType &&
                asTuple(seq)->m_size == std::int64_t(arg)) {
                TupleObject* t = asTuple(seq);
                --sp;
                for (std::int64_t i = std::int64_t(arg) - 1; i >= 0; --i) {
                    incref(t->items()[i]);
                    PUSH(t->items()[i]);
                }
                decref(seq);
                continue;
            }
            SAVE_FRAME();
            if (!Interp::unpackSequence(*this, seq, arg, sp - 1)) GOTO_ERROR();
            sp += std::int64_t(arg) - 1;
            decref(seq);
            continue;
        }
        case Opcode::UNPACK_EX: {
            Value seq = TOP();
            SAVE_FRAME();
            const std::uint32_t before = arg & 0xFF;
            const std::uint32_t after = arg >> 8;
            if (!Interp::unpackEx(*this, seq, before, after, sp - 1)) GOTO_ERROR();
            sp += std::int64_t(before + after);
            decref(seq);
            continue;
        }
        case Opcode::FORMAT_VALUE: {
            Value spec = (arg & 4) ? POP() : Value();
            Value v = TOP();
            SAVE_FRAME();
            Ref r = Interp::formatValue(*this, v, arg, spec);
            decref(spec);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(v);
            continue;
        }
        case Opcode::JUMP:
        case Opcode::JUMP_BACKWARD:
            JUMP_TO(arg);
            continue;
        case Opcode::POP_JUMP_IF_FALSE: {
            Value v = POP();
            if (v.isFalse()) {
                JUMP_TO(arg);
                continue;
            }
            if (v.isTrue()) continue;
            SAVE_FRAME();
            const int t = isTrue(space, v);
            decref(v);
            if (t < 0) GOTO_ERROR();
            if (!t) JUMP_TO(arg);
            continue;
        }
        case Opcode::POP_JUMP_IF_TRUE: {
            Value v = POP();
            if (v.isTrue()) {
                JUMP_TO(arg);
                continue;
            }
            if (v.isFalse()) continue;
            SAVE_FRAME();
            const int t = isTrue(space, v);
            decref(v);
            if (t < 0) GOTO_ERROR();
            if (t) JUMP_TO(arg);
            continue;
        }
        case Opcode::POP_JUMP_IF_NONE: {
            Value v = POP();
            decref(v);
            if (v.isNone()) JUMP_TO(arg);
            continue;
        }
        case Opcode::POP_JUMP_IF_NOT_NONE: {
            Value v = POP();
            decref(v);
            if (!v.isNone()) JUMP_TO(arg);
            continue;
        }
        case Opcode::JUMP_IF_FALSE_OR_POP:
        case Opcode::JUMP_IF_TRUE_OR_POP: {
            Value v = TOP();
            int t;
            if (v.isBool())
                t = v.isTrue();
            else {
                SAVE_FRAME();
                t = isTrue(space, v);
                if (t < 0) GOTO_ERROR();
            }
            if ((t != 0) == (opcodeOf(w) == Opcode::JUMP_IF_TRUE_OR_POP)) {
                JUMP_TO(arg);
            } else {
                --sp;
                decref(v);
            }
            continue;
        }
        case Opcode::GET_ITER: {
            Value v = TOP();
            if (v.isObject() && (v.object()->m_type == generatorType)) continue;
            SAVE_FRAME();
            Ref it = Interp::getIter(*this, v);
            if (!it) GOTO_ERROR();
            TOP() = it.release();
            decref(v);
            continue;
        }
        case Opcode::FOR_ITER: {
            Value it = TOP();
            TypeObject* t = space.typeOf(it);
            if (t == space.types().rangeIteratorType) {
                auto* r = static_cast<RangeIterObject*>(it.object());
                if (r->m_remaining > 0) {
                    const std::int64_t v = r->m_next;
                    r->m_next += r->m_step;
                    --r->m_remaining;
                    if (Value::fitsSmallInt(v)) {
                        PUSH(Value::smallInt(v));
                        continue;
                    }
                    Ref boxed = newInt(space, v);
                    if (!boxed) GOTO_ERROR();
                    PUSH(boxed.release());
                    continue;
                }
            } else if (t == space.types().listIteratorType) {
                auto* li = static_cast<SeqIterObject*>(it.object());
                if (li->m_seq) {
                    ListObject* list = asList(li->m_seq);
                    if (li->m_index < list->m_size) {
                        Value v = list->m_items[li->m_index++];
                        incref(v);
                        PUSH(v);
                        continue;
                    }
                    clearField(li->m_seq);
                }
            } else if (t == generatorType) {
                GeneratorObject* gen = asGenerator(it);
                if (gen->m_state == GenState::Running) {
                    space.raise(space.types().ValueError, "generator already executing");
                    GOTO_ERROR();
                }
                if (gen->m_state != GenState::Closed) {
                    Frame* gf = gen->frame();
                    if (!space.enterRecursion()) GOTO_ERROR();
                    if (gf->m_started) *gf->m_sp++ = Value::none();
                    gf->m_started = true;
                    gf->m_countsRecursion = true;
                    gen->m_state = GenState::Running;
                    SAVE_FRAME();
                    linkFrame(gf, f, ResumeMode::ForIter);
                    f = gf;
                    LOAD_FRAME();
                    if (f->m_excInfo) Interp::setHandled(*this, f->m_excInfo);
                    if (m_tracing) Interp::traceGenResume(*this, gen);
                    continue;
                }
            } else {
                SAVE_FRAME();
                Ref next = iterNext(space, it);
                if (next) {
                    PUSH(next.release());
                    continue;
                }
                if (space.hasError()) {
                    if (!space.errorMatches(space.types().StopIteration)) GOTO_ERROR();
                    space.clearError();
                }
            }
            --sp;
            decref(it);
            JUMP_TO(arg);
            continue;
        }
        case Opcode::CALL:
        case Opcode::CALL_KW: {
            Value kwnames;
            if (opcodeOf(w) == Opcode::CALL_KW) kwnames = consts[*ip++].get();
            // [callable, self|null, a1..an]
            Value* base = sp - arg - 2;
            Value callable = base[0];
            Value* args = base + 2;
            std::size_t n = arg;
            if (base[1]) {
                args = base + 1;
                ++n;
            } else if (callable.isObject() && callable.object()->m_type == space.types().boundMethodType) {
                auto* bm = static_cast<BoundMethodObject*>(callable.object());
                incref(bm->m_func);
                incref(bm->m_self);
                base[0] = bm->m_func;
                base[1] = bm->m_self;
                decref(callable);
                callable = base[0];
                args = base + 1;
                ++n;
            }
            SAVE_FRAME();
            if (callable.isObject() && callable.object()->m_type == functionType) {
                FunctionObject* func = asFunction(callable);
                Code* c = func->m_codePtr;
                if (LIKELY(c->simpleCall && !kwnames && n == c->argCount) &&
                    space.recursionDepth() < space.recursionLimit()) {
                    // Fast path: the arguments and the function move from the
                    // stack into the new frame without reference-count traffic.
                    space.enterRecursion();
                    const std::uint32_t nslots = c->slotCount();
                    Frame* nf = m_frames.push(nslots + c->stackSize);
                    nf->m_back = f;
                    nf->m_code = c;
                    nf->m_func = callable;
                    nf->m_globals = asDict(func->m_globals);
                    nf->m_locals = Value();
                    nf->m_ip = c->words.data();
                    nf->m_excInfo = Value();
                    nf->m_mode = ResumeMode::Call;
                    nf->m_onStack = true;
                    nf->m_started = false;
                    nf->m_countsRecursion = true;
                    nf->m_lastLine = -1;
                    nf->m_traceTask = f->m_traceTask;
                    nf->m_lastOffset = 0;
                    Value* ns = nf->slots();
                    for (std::size_t i = 0; i < n; ++i) ns[i] = args[i];
                    for (std::uint32_t i = std::uint32_t(n); i < nslots; ++i) ns[i] = Value();
                    nf->m_sp = ns + nslots;
                    sp = base;
                    f->m_sp = sp;
                    m_current = nf;
                    f = nf;
                    LOAD_FRAME();
                    if (m_tracing) Interp::traceFramePush(*this, f);
                    continue;
                }
                Ref gen;
                Frame* nf = makeFrame(asFunction(callable), args, n, kwnames, gen);
                if (!nf && !gen) GOTO_ERROR();
                for (Value* p = base; p < sp; ++p) decref(*p);
                sp = base;
                if (!nf) {
                    // A generator function: the call returns the generator.
                    PUSH(gen.release());
                    continue;
                }
                f->m_sp = sp;
                linkFrame(nf, f, ResumeMode::Call);
                f = nf;
                LOAD_FRAME();
                if (m_tracing) Interp::traceFramePush(*this, f);
                continue;
            }
            Ref r;
            if (base[1] && !kwnames && callable.isObject() &&
                callable.object()->m_type == space.types().methodDescriptorType &&
                static_cast<MethodDescriptorObject*>(callable.object())->m_kind == MethodKind::Method &&
                space.typeOf(args[0]) == static_cast<MethodDescriptorObject*>(callable.object())->m_owner) {
                // obj.method(...) after LOAD_METHOD for a built-in method of
                // obj's exact type: what callGeneric does, without its frame.
                r = static_cast<MethodDescriptorObject*>(callable.object())
                        ->m_fn(space, args[0], CallArgs(args + 1, n - 1));
            } else {
                r = Interp::callGeneric(*this, callable, args, n, kwnames);
            }
            for (Value* p = base; p < sp; ++p) decref(*p);
            sp = base;
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::CALL_FUNCTION_EX: {
            Value kwargs = (arg & 1) ? POP() : Value();
            Value argsTuple = POP();
            decref(POP()); // the null slot
            Value callable = TOP();
            SAVE_FRAME();
            std::vector<Value> flat;
            Ref kwnames;
            Ref tuple;
            Ref r;
            bool ok = Interp::flattenCallEx(*this, callable, argsTuple, kwargs, flat, kwnames, tuple);
            if (ok) r = Interp::callGeneric(*this, callable, flat.data(), flat.size(), kwnames.get());
            decref(argsTuple);
            decref(kwargs);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(callable);
            continue;
        }
        case Opcode::MAKE_FUNCTION: {
            Value codeObj = POP();
            int operands = 0;
            for (std::uint32_t bit = 1; bit <= 4; bit <<= 1)
                if (arg & bit) ++operands;
            sp -= operands;
            Ref fn = Interp::makeFunction(*this, f, arg, sp, codeObj);
            for (int i = 0; i < operands; ++i) decref(sp[i]);
            decref(codeObj);
            if (!fn) GOTO_ERROR();
            PUSH(fn.release());
            continue;
        }
        case Opcode::RETURN_VALUE: {
            Value retval = POP();
            Frame* back = f->m_back;
            const ResumeMode mode = f->m_mode;
            if (m_tracing) Interp::traceFramePop(*this, f);
            // Releasing the frame may run finalizers: they must see the caller
            // as the running frame.
            m_current = back;
            if (f->gen()) {
                GeneratorObject* gen = f->gen();
                Interp::finishGenerator(*this, gen, sp);
                if (mode == ResumeMode::Entry) {
                    Interp::refreshHandled(*this);
                    result = Ref::steal(retval);
                    return Exit::Return;
                }
                f = back;
                LOAD_FRAME();
                Interp::refreshHandled(*this);
                if (mode == ResumeMode::ForIter) {
                    decref(retval);
                    decref(POP()); // the exhausted generator
                } else {
                    decref(POP()); // the receiver
                    PUSH(retval);
                }
                JUMP_TO(argOf(ip[-1]));
                continue;
            }
            if (LIKELY(f->m_onStack && !f->m_excInfo && !f->m_locals)) {
                const std::uint32_t nslots = code->slotCount();
                for (std::uint32_t i = 0; i < nslots; ++i) decref(slots[i]);
                decref(f->m_func);
                if (f->m_countsRecursion) space.leaveRecursion();
                m_frames.pop(f);
            } else {
                releaseFrame(f, sp);
            }
            if (mode == ResumeMode::Entry) {
                result = Ref::steal(retval);
                return Exit::Return;
            }
            f = back;
            LOAD_FRAME();
            PUSH(retval);
            continue;
        }
        case Opcode::LOAD_BUILD_CLASS: {
            Value v = dictGetStr(space, builtins(), "__build_class__");
            if (!v) {
                space.raise(space.types().NameError, "__build_class__ not found");
                GOTO_ERROR();
            }
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::LOAD_ASSERTION_ERROR: {
            Value v = Value::fromObject(space.types().AssertionError);
            incref(v);
            PUSH(v);
            continue;
        }
        case Opcode::RAISE_VARARGS: {
            SAVE_FRAME();
            if (arg == 0) {
                if (Interp::reraiseHandled(*this)) {
                    reraise = true;
                    goto exception_unwind;
                }
                GOTO_ERROR();
            }
            Value cause = arg == 2 ? POP() : Value();
            Value exc = POP();
            Interp::doRaise(*this, exc, cause);
            decref(exc);
            decref(cause);
            GOTO_ERROR();
        }
        case Opcode::RERAISE: {
            Value exc = POP();
            space.restoreError(Ref::steal(exc));
            reraise = true;
            goto exception_unwind;
        }
        case Opcode::PUSH_EXC_INFO: {
            Value exc = TOP();
            Value prev = f->m_excInfo;
            incref(exc);
            f->m_excInfo = exc;
            TOP() = prev ? prev : Value::none();
            PUSH(exc);
            Interp::setHandled(*this, exc);
            continue;
        }
        case Opcode::POP_EXCEPT: {
            Value prev = POP();
            Value old = f->m_excInfo;
            f->m_excInfo = prev.isNone() ? Value() : prev;
            Interp::refreshHandled(*this);
            decref(old);
            continue;
        }
        case Opcode::CHECK_EXC_MATCH: {
            Value type = TOP();
            SAVE_FRAME();
            const int r = Interp::checkExcMatch(*this, sp[-2], type);
            if (r < 0) GOTO_ERROR();
            TOP() = Value::boolean(r != 0);
            decref(type);
            continue;
        }
        case Opcode::BEFORE_WITH:
        case Opcode::BEFORE_ASYNC_WITH: {
            Value mgr = TOP();
            SAVE_FRAME();
            Ref exit;
            Ref res;
            if (!Interp::beforeWith(*this, mgr, opcodeOf(w) == Opcode::BEFORE_ASYNC_WITH, exit, res)) GOTO_ERROR();
            TOP() = exit.release();
            decref(mgr);
            PUSH(res.release());
            continue;
        }
        case Opcode::WITH_EXIT: {
            Value exit = TOP();
            SAVE_FRAME();
            Ref r = Interp::withExit(*this, exit);
            if (!r) GOTO_ERROR();
            TOP() = r.release();
            decref(exit);
            continue;
        }
        case Opcode::WITH_EXCEPT_START: {
            SAVE_FRAME();
            Ref r = Interp::withExceptStart(*this, sp[-3], sp[-1]);
            if (!r) GOTO_ERROR();
            PUSH(r.release());
            continue;
        }
        case Opcode::YIELD_VALUE: {
            Value v = POP();
            GeneratorObject* gen = f->gen();
            Frame* back = f->m_back;
            const ResumeMode mode = f->m_mode;
            SAVE_FRAME();
            gen->m_state = GenState::Suspended;
            f->m_back = nullptr;
            if (f->m_countsRecursion) {
                space.leaveRecursion();
                f->m_countsRecursion = false;
            }
            const bool hadExcInfo = !f->m_excInfo.isNull();
            if (m_tracing) Interp::traceGenSuspend(*this, gen, back);
            m_current = back;
            if (hadExcInfo) Interp::refreshHandled(*this);
            if (mode == ResumeMode::Entry) {
                result = Ref::steal(v);
                return Exit::Yield;
            }
            f = back;
            LOAD_FRAME();
            PUSH(v);
            continue;
        }
        case Opcode::SEND: {
            Value v = POP();
            Value recv = TOP();
            if (recv.isObject() && (recv.object()->m_type == generatorType || recv.object()->m_type == coroutineType)) {
                GeneratorObject* gen = asGenerator(recv);
                if (gen->m_state == GenState::Created || gen->m_state == GenState::Suspended) {
                    Frame* gf = gen->frame();
                    if (!gf->m_started && !v.isNone()) {
                        decref(v);
                        space.raise(space.types().TypeError,
                                    gen->m_kind == GenKind::Coroutine
                                        ? "can't send non-None value to a just-started coroutine"
                                        : "can't send non-None value to a just-started generator");
                        GOTO_ERROR();
                    }
                    if (!space.enterRecursion()) {
                        decref(v);
                        GOTO_ERROR();
                    }
                    if (gf->m_started)
                        *gf->m_sp++ = v;
                    else
                        decref(v);
                    gf->m_started = true;
                    gf->m_countsRecursion = true;
                    gen->m_state = GenState::Running;
                    SAVE_FRAME();
                    linkFrame(gf, f, ResumeMode::Send);
                    f = gf;
                    LOAD_FRAME();
                    if (f->m_excInfo) Interp::setHandled(*this, f->m_excInfo);
                    if (m_tracing) Interp::traceGenResume(*this, gen);
                    continue;
                }
            }
            SAVE_FRAME();
            bool done = false;
            Ref r = Interp::sendGeneric(*this, recv, v, done);
            decref(v);
            if (!r) GOTO_ERROR();
            if (done) {
                TOP() = r.release();
                decref(recv);
                JUMP_TO(arg);
                continue;
            }
            PUSH(r.release());
            continue;
        }
        case Opcode::GET_YIELD_FROM_ITER: {
            Value v = TOP();
            SAVE_FRAME();
            Ref it = Interp::getYieldFromIter(*this, f, v);
            if (!it) GOTO_ERROR();
            TOP() = it.release();
            decref(v);
            continue;
        }
        case Opcode::GET_AWAITABLE: {
            Value v = TOP();
            SAVE_FRAME();
            Ref it = Interp::getAwaitable(*this, v, arg);
            if (!it) GOTO_ERROR();
            TOP() = it.release();
            decref(v);
            continue;
        }
        case Opcode::GET_AITER: {
            Value v = TOP();
            SAVE_FRAME();
            Ref it = Interp::getAIter(*this, v);
            if (!it) GOTO_ERROR();
            TOP() = it.release();
            decref(v);
            continue;
        }
        case Opcode::GET_ANEXT: {
            SAVE_FRAME();
            Ref aw = Interp::getANext(*this, TOP());
            if (!aw) GOTO_ERROR();
            PUSH(aw.release());
            continue;
        }
        case Opcode::END_ASYNC_FOR: {
            Value exc = POP();
            if (space.isInstance(exc, space.types().StopAsyncIteration)) {
                decref(exc);
                decref(POP());
                continue;
            }
            space.restoreError(Ref::steal(exc));
            reraise = true;
            goto exception_unwind;
        }
        case Opcode::IMPORT_NAME: {
            SAVE_FRAME();
            Ref m = Interp::importName(*this, f, NAME(arg & ~(1u << 23)), (arg & (1u << 23)) != 0);
            if (!m) GOTO_ERROR();
            PUSH(m.release());
            continue;
        }
        case Opcode::IMPORT_FROM: {
            SAVE_FRAME();
            Ref v = Interp::importFrom(*this, TOP(), NAME(arg));
            if (!v) GOTO_ERROR();
            PUSH(v.release());
            continue;
        }
        case Opcode::IMPORT_STAR: {
            Value m = POP();
            SAVE_FRAME();
            const bool ok = Interp::importStar(*this, f, m);
            decref(m);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::SETUP_ANNOTATIONS:
            SAVE_FRAME();
            if (!Interp::setupAnnotations(*this, f)) GOTO_ERROR();
            continue;
        case Opcode::STORE_ANNOTATION: {
            Value v = POP();
            SAVE_FRAME();
            const bool ok = Interp::storeAnnotation(*this, f, NAME(arg), v);
            decref(v);
            if (!ok) GOTO_ERROR();
            continue;
        }
        case Opcode::Count_:
            break;
        }
        space.raise(space.types().SystemError, "unknown opcode");
        GOTO_ERROR();
    }

error:
        reraise = false;
exception_unwind:
        SAVE_FRAME();
        if (!reraise) Interp::addTraceback(*this, f, ip);
        reraise = false;
        if (!m_limitHit) {
            const std::int64_t at = std::int64_t(ip - code->words.data()) - 1;
            const ExceptionRange* handler = at >= 0 ? code->handlerAt(std::uint32_t(at)) : nullptr;
            if (handler) {
                Value* base = f->stackBase() + handler->depth;
                while (sp > base) decref(POP());
                PUSH(space.takeError().release());
                JUMP_TO(handler->handler);
                goto dispatch;
            }
        }
        // No handler here: the frame ends with the exception.
        {
            Frame* back = f->m_back;
            const ResumeMode mode = f->m_mode;
            if (m_tracing) Interp::traceFramePop(*this, f);
            m_current = back;
            if (f->gen()) {
                Interp::finishGenerator(*this, f->gen(), sp);
                Interp::convertStopIteration(*this, f->gen());
            } else {
                releaseFrame(f, sp);
            }
            Interp::refreshHandled(*this);
            if (mode == ResumeMode::Entry) return Exit::Raise;
            f = back;
            LOAD_FRAME();
        }
        goto error;
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef NAME
#undef JUMP_TO
#undef GOTO_ERROR
}

} // namespace coroscope::pylite
