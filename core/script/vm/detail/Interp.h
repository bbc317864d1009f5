#pragma once
// The slow paths of the dispatch loop, as static members of a friend of
// Vm: everything an instruction needs beyond a few loads and stores.
// Conventions: `sp` points one past the top of the stack; functions that
// fail leave an exception pending and return null / false.

#include "core/script/value/Ref.h"
#include "core/script/vm/Frame.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

struct StrObject;
struct TupleObject;

class Interp {
public:
    // --- names ----------------------------------------------------------------
    static void raiseNameError(Vm& vm, StrObject* name);
    static void raiseUnboundLocal(Vm& vm, Frame* f, std::uint32_t slot);
    static void raiseUnboundDeref(Vm& vm, Frame* f, std::uint32_t slot);
    /// LOAD_GLOBAL with its inline cache; borrowed result.
    static Value loadGlobal(Vm& vm, Frame* f, StrObject* name, InlineCache& cache);
    static Ref loadName(Vm& vm, Frame* f, StrObject* name);
    static Ref loadClassDeref(Vm& vm, Frame* f, std::uint32_t slot);
    static bool storeName(Vm& vm, Frame* f, StrObject* name, Value v);
    static bool deleteName(Vm& vm, Frame* f, StrObject* name);
    static bool deleteGlobal(Vm& vm, Frame* f, StrObject* name);

    // --- attributes -------------------------------------------------------
    /// LOAD_METHOD with its inline cache: lookupMethod's result and contract.
    static Ref loadMethod(Vm& vm, Value obj, StrObject* name, InlineCache& cache, bool& unbound);
    /// `type(obj).name` bound to obj (special method lookup), or null
    /// without an exception when missing.
    static Ref lookupSpecial(Vm& vm, Value obj, std::string_view name);

    // --- building values ----------------------------------------------------
    static Ref buildTuple(Vm& vm, Value* items, std::uint32_t n);
    static Ref buildList(Vm& vm, Value* items, std::uint32_t n);
    static Ref buildSet(Vm& vm, Value* items, std::uint32_t n);
    static Ref buildMap(Vm& vm, Value* items, std::uint32_t n);
    static Ref buildString(Vm& vm, Value* items, std::uint32_t n);
    static Ref buildSlice(Vm& vm, Value* items, std::uint32_t n);
    static Ref formatValue(Vm& vm, Value v, std::uint32_t flags, Value spec);
    static bool unpackSequence(Vm& vm, Value seq, std::uint32_t n, Value* out);
    static bool unpackEx(Vm& vm, Value seq, std::uint32_t before, std::uint32_t after, Value* out);
    static bool dictMerge(Vm& vm, Value dict, Value other, Value callable);
    static bool dictUpdate(Vm& vm, Value dict, Value other);
    static bool listExtend(Vm& vm, Value list, Value iterable);
    static Ref makeFunction(Vm& vm, Frame* f, std::uint32_t flags, Value* operands, Value code);

    // --- operators -------------------------------------------------------
    static Ref binaryOp(Vm& vm, std::uint32_t arg, Value a, Value b);
    static Ref compareOp(Vm& vm, std::uint32_t arg, Value a, Value b);

    // --- calls -----------------------------------------------------------------
    /// Calls anything that is not inlined by CALL (builtins, classes...).
    static Ref callGeneric(Vm& vm, Value callable, Value* args, std::size_t n, Value kwnames);
    /// CALL_FUNCTION_EX: flattens the args tuple and kwargs dict.
    /// `args` may be any iterable (a lone `*x`); `argsTuple` keeps the
    /// tuple made from it alive while `flat` borrows its items.
    static bool flattenCallEx(Vm& vm, Value callable, Value args, Value kwargs, std::vector<Value>& flat,
                              Ref& kwnames, Ref& argsTuple);

    // --- exceptions ----------------------------------------------------------
    /// RAISE_VARARGS with 1 or 2 operands (borrowed): sets the pending error.
    static void doRaise(Vm& vm, Value exc, Value cause);
    /// Bare `raise`: re-raises the handled exception (false if none: RuntimeError set).
    static bool reraiseHandled(Vm& vm);
    static int checkExcMatch(Vm& vm, Value exc, Value type);
    static void addTraceback(Vm& vm, Frame* f, const CodeWord* ip);
    static void setHandled(Vm& vm, Value exc);
    static void refreshHandled(Vm& vm);
    /// Converts StopIteration leaving a generator frame into RuntimeError.
    static void convertStopIteration(Vm& vm, GeneratorObject* gen);

    // --- with / async ----------------------------------------------------------
    static bool beforeWith(Vm& vm, Value mgr, bool isAsync, Ref& exit, Ref& result);
    static Ref withExit(Vm& vm, Value exit);
    static Ref withExceptStart(Vm& vm, Value exit, Value exc);
    static Ref getIter(Vm& vm, Value obj);
    static Ref getYieldFromIter(Vm& vm, Frame* f, Value obj);
    static Ref getAwaitable(Vm& vm, Value obj, std::uint32_t where);
    static Ref getAIter(Vm& vm, Value obj);
    static Ref getANext(Vm& vm, Value aiter);
    /// SEND to a receiver that is not inlined: the next value (pushed) or,
    /// with `done` set, the final result; null with an exception pending.
    static Ref sendGeneric(Vm& vm, Value receiver, Value value, bool& done);

    // --- imports -------------------------------------------------------------
    static Ref importName(Vm& vm, Frame* f, StrObject* name, bool topLevel);
    static Ref importFrom(Vm& vm, Value module, StrObject* name);
    static bool importStar(Vm& vm, Frame* f, Value module);
    static bool setupAnnotations(Vm& vm, Frame* f);
    static bool storeAnnotation(Vm& vm, Frame* f, StrObject* name, Value v);

    // --- frames and generators -----------------------------------------------
    /// Initializes a frame header and its locals from a call. Arguments are
    /// borrowed. False with TypeError pending on a binding error (the frame
    /// then holds only null slots and a reference to func).
    static bool initFrame(Vm& vm, Frame* f, FunctionObject* func, const Value* args, std::size_t nargs,
                          Value kwnames);
    /// Releases what a frame owns (slots, stack up to sp, function, locals).
    static void clearFrame(Frame* f, Value* sp);
    static Ref newGenerator(Vm& vm, FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames);
    /// A generator frame finished (returned or raised): release it.
    static void finishGenerator(Vm& vm, GeneratorObject* gen, Value* sp);
    /// Text for the trace: "a=1, b='x'".
    static std::string localsSummary(Vm& vm, Frame* f);
    static void traceFramePush(Vm& vm, Frame* f);
    static void traceFramePop(Vm& vm, Frame* f);
    static void traceGenSuspend(Vm& vm, GeneratorObject* gen, Frame* back);
    static void traceGenResume(Vm& vm, GeneratorObject* gen);
};

} // namespace coroscope::pylite
