#include "core/script/vm/Vm.h"

#include "core/script/builtins/Builtins.h"
#include "core/script/builtins/FileSystem.h"
#include "core/script/compiler/Compiler.h"
#include "core/script/syntax/Parser.h"
#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/detail/Interp.h"
#include "core/script/vm/detail/VmSetup.h"

#include <pthread.h>

#include <algorithm>

namespace coroscope::pylite {

namespace {

/// Machine stack kept free below a C++ re-entry into the dispatch loop:
/// enough for the deepest native call chain between two checks.
constexpr std::size_t kStackMargin = 96 * 1024;

/// Instructions between two visits of the budget slow path when tracing is off.
constexpr std::int64_t kBudgetChunk = 4096;

std::uintptr_t threadStackLow()
{
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    void* addr = nullptr;
    std::size_t size = 0;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return reinterpret_cast<std::uintptr_t>(addr);
}

} // namespace

Vm::Vm(Options options) : m_types(std::make_unique<VmTypes>()), m_options(std::move(options))
{
    if (m_options.argv.empty()) m_options.argv.push_back(m_options.filename);
    m_space.setInterpreter(this);
    m_space.heap().setBudget(m_options.maxMemory);
    m_stackLow = threadStackLow();
    m_tracing = m_options.context && m_options.context->tracing();
    m_budgetChunk = m_tracing ? 1 : std::min<std::int64_t>(kBudgetChunk, std::int64_t(m_options.maxSteps));
    m_countdown = m_budgetChunk;
    initVmTypes(*this);
    m_fs = std::make_unique<FileSystem>();
    m_modules = newDict(m_space);
    m_builtinsDict = installBuiltins(*this);
}

Vm::~Vm()
{
    m_finalizing = true;
    m_mainModule.reset();
    if (m_modules) dictClear(m_space, asDict(m_modules.get()));
    m_modules.reset();
    if (m_builtinsDict) dictClear(m_space, asDict(m_builtinsDict.get()));
    m_builtinsDict.reset();
    m_space.clearError();
    m_space.heap().collect();
    m_space.clearError();
    releaseVmTypes(*this);
    m_space.setInterpreter(nullptr);
}

int Vm::exitCode(Status status)
{
    switch (status) {
    case Status::Ok:
        return 0;
    case Status::Exception:
    case Status::SyntaxError:
        return 1;
    case Status::Limit:
        return 3;
    }
    return 1;
}

DictObject* Vm::builtins() const { return asDict(m_builtinsDict.get()); }

void Vm::write(Stream stream, std::string_view text)
{
    if (text.empty()) return;
    if (m_options.output)
        m_options.output(stream, text);
    else
        (stream == Stream::Stdout ? m_stdout : m_stderr).append(text);
    if (m_tracing) {
        RunContext& ctx = *m_options.context;
        Event e;
        e.kind = EventKind::Output;
        e.a = std::uint8_t(stream);
        e.subject = m_current ? m_current->m_traceTask : m_mainTask;
        e.v = ctx.text(text);
        ctx.emit(e);
    }
}

std::string_view Vm::sourceLine(int line) const
{
    if (line < 1 || std::size_t(line) > m_lines.size()) return {};
    return m_lines[std::size_t(line) - 1];
}

bool Vm::nextInputLine(std::string& line)
{
    if (m_inputPos >= m_options.input.size()) return false;
    line = m_options.input[m_inputPos++];
    return true;
}

// ------------------------------------------------------------------ run

Ref Vm::runModule(std::string_view source)
{
    // The run may happen on another thread than the construction (the
    // GUI's worker): measure the stack of the thread that runs.
    m_stackLow = threadStackLow();
    m_source.assign(source.data(), source.size());
    m_lines.clear();
    {
        std::string_view text = m_source;
        if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        std::size_t pos = 0;
        while (pos <= text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            m_lines.push_back(line);
            if (end == text.size()) break;
            pos = end + 1;
        }
    }
    m_syntaxError = false;

    syntax::Parser::Options parseOptions;
    parseOptions.filename = m_options.filename;
    syntax::ParseResult parsed = syntax::Parser::parse(m_source, parseOptions);
    std::optional<syntax::SyntaxError> syntaxError = parsed.error;
    Ref code;
    if (parsed.ok()) {
        CompileResult compiled =
            Compiler::compile(m_space, m_types->code, *parsed.module, m_source, m_options.filename);
        if (compiled.ok())
            code = std::move(compiled.code);
        else
            syntaxError = compiled.error;
    }
    if (!code) {
        if (!syntaxError) {
            syntaxError.emplace();
            syntaxError->message = "invalid syntax";
        }
        write(Stream::Stderr, syntax::formatSyntaxError(*syntaxError));
        m_lastSyntaxError = syntaxError;
        m_syntaxError = true;
        m_space.clearError();
        return Ref();
    }

    Ref module = newModule(m_space, "__main__");
    if (!module) return Ref();
    m_mainModule = module;
    addModule("__main__", module.get());
    DictObject* globals = moduleDict(module.get());
    Ref file = newStr(m_space, m_options.filename);
    Ref builtinsModule = importModule("builtins");
    if (!file || !builtinsModule || !dictSetStr(m_space, globals, "__file__", file.get()) ||
        !dictSetStr(m_space, globals, "__builtins__", builtinsModule.get()))
        return Ref();
    Ref func = newFunctionObject(*this, code.get(), Value::fromObject(globals), Value());
    if (!func) return Ref();
    Ref result = callFunction(asFunction(func.get()), nullptr, 0, Value());
    if (!result) return Ref();
    return module;
}

Vm::Status Vm::run(std::string_view source)
{
    if (m_tracing) {
        RunContext& ctx = *m_options.context;
        m_mainTask = ctx.nextTaskId++;
        Event created;
        created.kind = EventKind::TaskCreated;
        created.a = std::uint8_t(TaskKind::Main);
        created.subject = m_mainTask;
        created.y = 1;
        created.v = ctx.text("main");
        ctx.emit(created);
        Event running;
        running.kind = EventKind::TaskState;
        running.a = std::uint8_t(TaskState::Running);
        running.subject = m_mainTask;
        running.y = 1;
        ctx.emit(running);
        Event start;
        start.kind = EventKind::Switch;
        start.a = std::uint8_t(SwitchWhy::Start);
        start.subject = m_mainTask;
        ctx.emit(start);
    }

    Ref module = runModule(source);
    Status status = Status::Ok;
    m_exitStatus = 0;
    if (!module) {
        if (m_syntaxError) {
            m_exitStatus = 1;
            status = Status::SyntaxError;
        } else if (m_limitHit) {
            m_space.clearError();
            write(Stream::Stderr,
                  m_stopReason == StopReason::Request ? std::string("coroscope: the program was stopped on request\n")
                  : m_stopReason == StopReason::Events
                      ? "coroscope: the program was stopped after " + std::to_string(m_options.maxEvents) +
                            " trace events (the event limit)\n"
                      : "coroscope: the program was stopped after " + std::to_string(m_options.maxSteps) +
                            " steps (the --max-steps limit)\n");
            m_exitStatus = 3;
            status = Status::Limit;
        } else {
            Ref exc = m_space.takeError();
            if (exc && m_space.isInstance(exc.get(), m_space.types().SystemExit)) {
                Value codeValue = exceptionField(exc.get(), ExcField::SystemExitCode);
                std::int64_t n = 0;
                if (!codeValue || codeValue.isNone()) {
                    m_exitStatus = 0;
                } else if (asInt64(m_space, codeValue, n)) {
                    m_exitStatus = int(n & 0xFF);
                } else {
                    std::string text;
                    if (strString(m_space, codeValue, text)) write(Stream::Stderr, text + "\n");
                    m_space.clearError();
                    m_exitStatus = 1;
                }
                status = m_exitStatus == 0 ? Status::Ok : Status::Exception;
            } else {
                if (exc) {
                    if (m_tracing) traceException(m_mainTask, exc.get());
                    printException(exc.get());
                }
                m_exitStatus = 1;
                status = Status::Exception;
            }
        }
    }
    // CPython joins the threads (executor workers) and runs atexit here.
    std::vector<std::function<void()>> hooks;
    hooks.swap(m_exitHooks);
    for (auto& hook : hooks) {
        if (m_limitHit) break;
        hook();
        m_space.clearError();
    }
    m_finalizing = true;
    // Release what the program built while the run's state still exists,
    // so finalizers (generator close, __del__) run now, as at interpreter
    // exit. As in CPython, the globals usually form a cycle with the
    // functions defined in them, and the collector runs every finalizer of
    // that garbage before it breaks anything: globals stay readable there.
    module.reset();
    dictDelete(m_space, asDict(m_modules.get()), Value::fromObject(m_space.intern("__main__")));
    m_mainModule.reset();
    m_space.clearError();
    m_space.heap().collect();
    if (m_space.hasError()) m_space.clearError();
    if (m_tracing) {
        RunContext& ctx = *m_options.context;
        Event state;
        state.kind = EventKind::TaskState;
        state.a = std::uint8_t(status == Status::Ok ? TaskState::Done : TaskState::Failed);
        state.subject = m_mainTask;
        ctx.emit(state);
        Event end;
        end.kind = EventKind::RunEnd;
        end.a = std::uint8_t(status == Status::Ok          ? RunStatus::Ok
                             : status == Status::Limit     ? RunStatus::Limit
                             : status == Status::Exception ? RunStatus::Exception
                                                           : RunStatus::SyntaxError);
        ctx.emit(end);
        // The trace ends here: what the destructor still finalizes (greenlets
        // killed at exit, say) happens after the run the GUI shows, so no
        // scheduler of this context records anything more.
        m_tracing = false;
        ctx.trace = nullptr;
    }
    return status;
}

// ------------------------------------------------------------- frames

void Vm::linkFrame(Frame* f, Frame* back, ResumeMode mode)
{
    f->m_back = back;
    f->m_mode = mode;
    m_current = f;
    if (m_tracing && !f->gen()) f->m_traceTask = traceTaskBelow(back);
}

Frame* Vm::makeFrame(FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames, Ref& generator)
{
    Code* code = func->m_codePtr;
    if (code->flags & (std::uint32_t(CodeFlag::Generator) | std::uint32_t(CodeFlag::Coroutine) |
                       std::uint32_t(CodeFlag::AsyncGenerator))) {
        generator = Interp::newGenerator(*this, func, args, nargs, kwnames);
        return nullptr;
    }
    if (!m_space.enterRecursion()) return nullptr;
    const std::uint32_t slotCount = code->slotCount() + code->stackSize;
    Frame* f = m_frames.push(slotCount);
    if (!Interp::initFrame(*this, f, func, args, nargs, kwnames)) {
        Interp::clearFrame(f, f->stackBase());
        m_frames.pop(f);
        m_space.leaveRecursion();
        return nullptr;
    }
    f->m_onStack = true;
    f->m_countsRecursion = true;
    return f;
}

void Vm::releaseFrame(Frame* f, Value* sp)
{
    Interp::clearFrame(f, sp);
    if (f->m_countsRecursion) m_space.leaveRecursion();
    m_frames.pop(f);
}

Ref Vm::runFrame(Frame* f)
{
    if (!checkMachineStack(" while calling a Python object")) {
        Interp::clearFrame(f, f->stackBase());
        if (f->m_countsRecursion) m_space.leaveRecursion();
        m_frames.pop(f);
        return Ref();
    }
    linkFrame(f, m_current, ResumeMode::Entry);
    if (m_tracing) Interp::traceFramePush(*this, f);
    Ref result;
    execute(f, result);
    return result;
}

Ref Vm::callFunction(FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames)
{
    if (m_limitHit) {
        m_space.raise(m_space.types().RuntimeError, "the step limit was reached");
        return Ref();
    }
    Ref generator;
    Frame* f = makeFrame(func, args, nargs, kwnames, generator);
    if (!f) return generator;
    return runFrame(f);
}

Ref Vm::call(Value callable, const CallArgs& args)
{
    if (callable.isObject() && callable.object()->m_type == m_types->function.get()) {
        const std::size_t n = args.positional + args.keywordCount();
        return callFunction(asFunction(callable), args.values, n,
                            args.kwnames ? Value::fromObject(args.kwnames) : Value());
    }
    m_space.raise(m_space.types().TypeError, "object is not callable by the interpreter");
    return Ref();
}

Ref Vm::runClassBody(Value func, Value ns)
{
    FunctionObject* fn = asFunction(func);
    Ref generator;
    Frame* f = makeFrame(fn, nullptr, 0, Value(), generator);
    if (!f) return Ref();
    incref(ns);
    f->m_locals = ns;
    return runFrame(f);
}

bool Vm::superArguments(Value& type, Value& obj)
{
    Frame* f = m_current;
    if (!f) {
        m_space.raise(m_space.types().RuntimeError, "super(): no current frame");
        return false;
    }
    Code* code = f->m_code;
    if (code->argCount == 0 && !code->has(CodeFlag::VarArgs)) {
        m_space.raise(m_space.types().RuntimeError, "super(): no arguments");
        return false;
    }
    Value first = f->slots()[0];
    for (std::size_t i = 0; i < code->cellParam.size(); ++i) {
        if (code->cellParam[i] == 0) first = asCell(f->slots()[code->localCount() + i])->m_ref;
    }
    if (!first) {
        m_space.raise(m_space.types().RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (std::size_t i = 0; i < code->freevars.size(); ++i) {
        if (strView(code->freevars[i].get()) != "__class__") continue;
        Value cell = f->slots()[code->localCount() + code->cellCount() + i];
        Value cls = asCell(cell)->m_ref;
        if (!cls) {
            m_space.raise(m_space.types().RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        if (!m_space.typeOf(cls)->has(TypeFlag::TypeType)) {
            m_space.raise(m_space.types().RuntimeError, "super(): __class__ is not a type");
            return false;
        }
        type = cls;
        obj = first;
        return true;
    }
    m_space.raise(m_space.types().RuntimeError, "super(): __class__ cell not found");
    return false;
}

Value Vm::handledException() const
{
    for (Frame* f = m_current; f; f = f->m_back)
        if (f->m_excInfo) return f->m_excInfo;
    return Value();
}

DictObject* Vm::currentGlobals() const
{
    if (m_current) return m_current->m_globals;
    return m_mainModule ? moduleDict(m_mainModule.get()) : nullptr;
}

// -------------------------------------------------------------- limits

bool Vm::stepBudgetSlowPath(Frame* f, const CodeWord* ip)
{
    m_steps += std::uint64_t(m_budgetChunk - m_countdown);
    if (!m_limitHit) {
        if (m_stopRequested.load(std::memory_order_relaxed))
            m_stopReason = StopReason::Request;
        else if (m_options.maxEvents && m_tracing && m_options.context->trace->size() >= m_options.maxEvents)
            m_stopReason = StopReason::Events;
        else if (m_steps >= m_options.maxSteps)
            m_stopReason = StopReason::Steps;
    }
    if (m_limitHit || m_stopReason != StopReason::Steps || m_steps >= m_options.maxSteps) {
        hitLimit();
        return false;
    }
    if (m_space.heap().collectPending()) {
        m_space.heap().collectIfPending();
        if (m_space.hasError()) m_space.clearError();
    }
    if (m_tracing) traceLine(f, std::int32_t(ip - f->codeStart()));
    const std::uint64_t left = m_options.maxSteps - m_steps;
    m_budgetChunk = m_tracing ? 1 : std::int64_t(std::min<std::uint64_t>(left, std::uint64_t(kBudgetChunk)));
    m_countdown = m_budgetChunk;
    return true;
}

void Vm::hitLimit()
{
    m_limitHit = true;
    m_countdown = 0;
    m_budgetChunk = 0;
    if (!m_space.hasError()) m_space.raise(m_space.types().RuntimeError, "the step limit was reached");
}

bool Vm::checkMachineStack(const char* where)
{
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    if (m_stackLow == 0 || here > m_stackLow + kStackMargin) return true;
    std::string msg = "maximum recursion depth exceeded";
    msg += where;
    m_space.raise(m_space.types().RecursionError, msg);
    return false;
}

void Vm::setStackBounds(std::uintptr_t low, std::uintptr_t high)
{
    (void)high;
    m_stackLow = low;
}

// ------------------------------------------------------------- modules

void Vm::addModule(std::string_view name, Value module)
{
    if (dictSetStr(m_space, asDict(m_modules.get()), name, module)) return;
    m_space.clearError();
}

Ref Vm::importModule(std::string_view name)
{
    Value found = dictGetStr(m_space, asDict(m_modules.get()), name);
    if (found) return Ref::borrow(found);
    Ref module = createBuiltinModule(*this, name);
    if (!module) {
        if (!m_space.hasError()) {
            std::string msg = "module '" + std::string(name) + "' is not available in Coroscope";
            Ref text = newStr(m_space, msg);
            if (text) {
                Ref args = newTupleOf(m_space, {text.get()});
                Ref exc = args ? newException(m_space, m_space.types().ImportError, args.get()) : Ref();
                if (exc) {
                    Ref nameStr = newStr(m_space, name);
                    if (nameStr) setExceptionField(exc.get(), ExcField::ImportErrorName, nameStr.get());
                    m_space.raise(std::move(exc));
                }
            }
        }
        return Ref();
    }
    addModule(name, module.get());
    return module;
}

void Vm::advanceClock(Nanos delta)
{
    m_clock += delta;
    if (m_tracing) {
        Event e;
        e.kind = EventKind::ClockAdvance;
        e.a = std::uint8_t(ClockWhy::Blocking);
        e.v = std::uint64_t(m_clock);
        m_options.context->emit(e);
    }
}

void Vm::traceException(TaskId task, Value exception)
{
    std::string text = formatException(exception);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    m_space.clearError();
    Event e;
    e.kind = EventKind::Exception;
    e.subject = task;
    e.v = m_options.context->text(text);
    m_options.context->emit(e);
}

void Vm::warn(std::string_view category, std::string_view message, WarningKind kind, bool tracemallocHint,
              int atLine)
{
    std::string location = "sys:1";
    std::string source;
    if (Frame* f = m_current) {
        const int line = atLine > 0 ? atLine : f->currentLine();
        location = f->m_code->filename + ":" + std::to_string(line);
        std::string_view text = sourceLine(line);
        const std::size_t a = text.find_first_not_of(" \t");
        if (a != std::string_view::npos) source = "  " + std::string(text.substr(a)) + "\n";
    }
    std::string key = location + "|" + std::string(message);
    for (const std::string& k : m_warned)
        if (k == key) return;
    m_warned.push_back(key);
    std::string text = location + ": " + std::string(category) + ": " + std::string(message) + "\n" + source;
    if (tracemallocHint && m_current)
        text += std::string(category) + ": Enable tracemalloc to get the object allocation traceback\n";
    write(Stream::Stderr, text);
    if (m_tracing) {
        Event e;
        e.kind = EventKind::Warning;
        e.a = std::uint8_t(kind);
        e.subject = m_current ? m_current->m_traceTask : m_mainTask;
        e.v = m_options.context->text(message);
        m_options.context->emit(e);
    }
}

// ---------------------------------------------------------- unraisable

void Vm::writeUnraisable(Value exception, Value where)
{
    std::string text = "Exception ignored in: ";
    std::string whereText;
    if (where && reprString(m_space, where, whereText))
        text += whereText;
    else
        text += "<object>";
    m_space.clearError();
    text += "\n";
    text += formatException(exception);
    write(Stream::Stderr, text);
}

} // namespace coroscope::pylite
