#pragma once
// Vm: one run of a pylite program. It owns the object space, the builtins
// and sys modules, the frame stack and the limits; there is no global state,
// so tests create as many Vms as they like (one per thread at a time).
//
// Execution model: a `for(;;) switch` dispatch loop (Interpreter.cpp) runs
// frames linked through Frame::m_back. A Python call pushes a frame and the
// same loop continues in it; only C++ re-entry (a builtin or a dunder
// dispatcher calling back into Python) starts a nested loop, and each
// re-entry checks the machine stack. Generators and coroutines own their
// frames: FOR_ITER and SEND resume them inline, C++ resumes them through
// resume().
//
// Limits: the recursion limit (ObjectSpace, default 1000) raises
// RecursionError; the heap budget raises MemoryError; the step budget
// (instructions executed) stops the run: no handler or finally block runs
// after it, run() returns Status::Limit.

#include "core/runtime/RunContext.h"
#include "core/runtime/world/WorldConfig.h"
#include "core/script/value/Interpreter.h"
#include "core/script/value/ObjectSpace.h"
#include "core/script/value/Ref.h"
#include "core/script/syntax/SyntaxError.h"
#include "core/script/vm/Frame.h"
#include "core/script/vm/VmTypes.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::pylite {

struct FunctionObject;
struct GeneratorObject;
struct DictObject;
class FileSystem;

/// What a resumed generator or coroutine did (MicroPython's
/// mp_vm_return_kind_t).
struct ResumeResult {
    enum class Kind : std::uint8_t {
        Yielded,  ///< it suspended; `value` is what it yielded
        Returned, ///< it finished; `value` is its return value
        Raised,   ///< it raised; the exception is pending on the ObjectSpace (value is null)
    };
    Kind kind = Kind::Raised;
    Ref value;
};

class Vm final : public Interpreter {
public:
    using OutputFn = std::function<void(Stream stream, std::string_view text)>;

    struct Options {
        std::string filename = "main.py";             ///< shown in tracebacks and as __file__
        std::size_t maxMemory = Heap::kDefaultBudget; ///< heap budget in bytes
        std::uint64_t maxSteps = kDefaultMaxSteps;    ///< instructions before the run is stopped
        RunContext* context = nullptr;                ///< trace sink and id counters (null: no trace)
        OutputFn output;                              ///< program output; null: collected in output()
        std::vector<std::string> argv;                ///< sys.argv (argv[0] defaults to the filename)
        std::vector<std::string> input;               ///< lines input() returns, in order
        std::shared_ptr<const WorldConfig> world;     ///< the simulated network; null: every default
        /// Trace events a run may record: once the trace holds this many, the
        /// run stops like the step budget (Status::Limit). 0: no limit.
        std::size_t maxEvents = 0;
    };

    /// Instructions a run may execute by default: far above any lesson,
    /// low enough that `while True: pass` stops within seconds.
    static constexpr std::uint64_t kDefaultMaxSteps = 500'000'000;

    enum class Status : std::uint8_t {
        Ok,          ///< the program ran to completion
        Exception,   ///< an exception escaped (traceback printed on stderr)
        SyntaxError, ///< the program did not compile (error printed on stderr)
        Limit,       ///< the step budget, the event budget or requestStop() stopped it (message on stderr)
    };

    explicit Vm(Options options);
    Vm() : Vm(Options{}) {}
    ~Vm() override;
    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    /// Compiles and runs `source` as the __main__ module. Output goes to
    /// Options::output; tracebacks and syntax errors are printed on the
    /// stderr stream in CPython's shape.
    Status run(std::string_view source);
    /// Exit status of the CLI contract for a Status: 0, 1, 1, 3.
    static int exitCode(Status status);

    /// Compiles and runs `source` as the __main__ module and returns the
    /// module, whose globals stay alive (for embedding and tests). Null when
    /// it did not finish: then an exception is pending, or, for a program
    /// that did not compile, the SyntaxError was printed and none is pending.
    Ref runModule(std::string_view source);

    ObjectSpace& space() { return m_space; }
    const VmTypes& vmTypes() const { return *m_types; }
    VmTypes& vmTypes() { return *m_types; }

    /// Output collected when Options::output is null.
    const std::string& output(Stream stream) const { return stream == Stream::Stdout ? m_stdout : m_stderr; }
    /// Writes program output (print, sys.stdout.write) and traces it.
    void write(Stream stream, std::string_view text);

    // --- Interpreter -------------------------------------------------------
    Ref call(Value callable, const CallArgs& args) override;
    void writeUnraisable(Value exception, Value where) override;

    // --- generators and coroutines (Generator.cpp) -------------------------
    /// Resumes a generator, coroutine or async generator from C++: sends
    /// `sent` (None to start it), or throws `injected` into it when that is
    /// not null. Raised: the exception is pending. This is what asyncio
    /// Tasks use to step coroutines.
    ResumeResult resume(Value generator, Value sent, Value injected = Value());
    /// gen.send / gen.__next__: the value yielded, or null with an
    /// exception pending (StopIteration carrying the return value).
    Ref genSend(Value generator, Value sent);
    /// gen.throw(exc): like genSend but injecting; delegates to a `yield
    /// from` subiterator first as CPython does.
    Ref genThrow(Value generator, Value exc);
    /// gen.close(): GeneratorExit in, "ignored GeneratorExit" detection.
    Ref genClose(Value generator);

    // --- frames -------------------------------------------------------------
    /// The innermost running frame (null when no Python code runs).
    Frame* currentFrame() const { return m_current; }
    /// The exception being handled where Python code runs now, or null.
    Value handledException() const;
    /// The globals of the innermost running frame (builtins `globals()`).
    DictObject* currentGlobals() const;

    // --- limits -------------------------------------------------------------
    std::uint64_t stepsExecuted() const { return m_steps + (m_budgetChunk - m_countdown); }
    bool limitReached() const { return m_limitHit; }
    /// Asks the run to stop as the step budget would (Status::Limit). Safe
    /// from any thread; the VM notices at its next budget check (at most
    /// a few thousand instructions later, every instruction when tracing).
    void requestStop() { m_stopRequested.store(true, std::memory_order_relaxed); }
    bool stopRequested() const { return m_stopRequested.load(std::memory_order_relaxed); }
    /// The program's syntax error when run()/runModule() could not compile it.
    const std::optional<syntax::SyntaxError>& lastSyntaxError() const { return m_lastSyntaxError; }
    /// Raises RecursionError (returns false) when the machine stack left
    /// below the caller is under the safety margin.
    bool checkMachineStack(const char* where);
    /// The machine stack the VM runs on (default: the thread's own stack).
    /// The greenlet runtime sets this when it switches stacks.
    void setStackBounds(std::uintptr_t low, std::uintptr_t high);

    // --- modules and builtins -----------------------------------------------
    DictObject* builtins() const;
    /// import_module(name): built-in modules only; ImportError "module 'X'
    /// is not available in Coroscope" for anything else.
    Ref importModule(std::string_view name);
    /// Registers a module object under `name` (sys.modules).
    void addModule(std::string_view name, Value module);
    FileSystem& fileSystem() { return *m_fs; }
    /// Next line of the lesson-supplied input, or false at the end.
    bool nextInputLine(std::string& line);
    const Options& options() const { return m_options; }
    const std::string& filename() const { return m_options.filename; }
    const std::vector<std::string>& argv() const { return m_options.argv; }
    /// Text of source line `line` of the running program ("" if unknown).
    std::string_view sourceLine(int line) const;

    /// Runs a class body (`__build_class__`): `func` with `ns` as its locals.
    Ref runClassBody(Value func, Value ns);
    /// Zero-argument super(): (__class__, first argument) of the running frame.
    bool superArguments(Value& type, Value& obj);

    /// warnings.warn(message, category) as seen from the running Python line:
    /// "main.py:LINE: Category: message" plus the source line, on stderr,
    /// once per (line, message) like the default warnings filter ("sys:1"
    /// when no Python code runs). Traced as a Warning event of `kind`.
    /// `line` > 0 names that line of the running frame's file instead of the
    /// running line (a decorator's line, as CPython reports it).
    void warn(std::string_view category, std::string_view message, WarningKind kind, bool tracemallocHint = false,
              int line = 0);

    /// Prints `exception` with its chain as CPython's traceback to stderr.
    void printException(Value exception);
    /// The traceback text CPython prints for `exception` (with its chain).
    std::string formatException(Value exception);
    /// Tracing on: an Exception event for `task` whose text is the
    /// traceback (its last line "Type: message").
    void traceException(TaskId task, Value exception);

    RunContext* context() const { return m_options.context; }

    /// Registers `fn` to run once when the main module has finished (after
    /// its traceback, if any, was printed) and before finalization, in
    /// registration order: CPython's threading._shutdown / atexit moment,
    /// where executors finish the work still queued. Only run() calls them.
    void atExit(std::function<void()> fn) { m_exitHooks.push_back(std::move(fn)); }
    /// True once run() tears the program down (the main module is gone) or
    /// the Vm is being destroyed: no program code should be resumed then.
    bool finalizing() const { return m_finalizing; }

    /// The run's virtual clock (time.time/monotonic/sleep): it only moves
    /// when the program sleeps, so runs are reproducible.
    Nanos virtualNanos() const { return m_clock; }
    void advanceClock(Nanos delta);

private:
    friend class Interp;
    friend struct GenAccess;

    enum class Exit : std::uint8_t { Return, Yield, Raise };
    /// Runs the dispatch loop from `entry` (an entry frame already linked as
    /// m_current) until it returns, yields or raises. With `throwFlag`, the
    /// pending exception is raised in `entry` at its current instruction
    /// (generator throw/close).
    Exit execute(Frame* entry, Ref& result, bool throwFlag = false);

    /// Sets up a frame for `func` on the frame stack (or returns a new
    /// generator for generator functions, in `generator`). Arguments are
    /// borrowed. Null with an exception pending on failure.
    Frame* makeFrame(FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames, Ref& generator);
    /// Releases a frame of the frame stack whose stack top is `sp`.
    void releaseFrame(Frame* f, Value* sp);
    void linkFrame(Frame* f, Frame* back, ResumeMode mode);
    Ref callFunction(FunctionObject* func, const Value* args, std::size_t nargs, Value kwnames);
    bool stepBudgetSlowPath(Frame* f, const CodeWord* ip);
    void hitLimit();
    void traceLine(Frame* f, std::int32_t line);

    std::unique_ptr<VmTypes> m_types; ///< first: outlives the space
    ObjectSpace m_space;
    Options m_options;
    std::string m_source;
    std::vector<std::string_view> m_lines;
    std::string m_stdout;
    std::string m_stderr;

    Ref m_builtinsDict;
    Ref m_modules;  ///< dict: name -> module
    Ref m_mainModule;
    std::unique_ptr<FileSystem> m_fs;
    std::size_t m_inputPos = 0;

    FrameStack m_frames;
    Frame* m_current = nullptr; ///< innermost frame of the running chain

    std::uint64_t m_steps = 0;         ///< instructions counted in completed budget chunks
    std::int64_t m_countdown = 0;      ///< instructions left in the current chunk
    std::int64_t m_budgetChunk = 0;    ///< size the current chunk started with
    bool m_limitHit = false;
    bool m_tracing = false;
    /// Tracing: the task that frames entered with no Python caller belong to
    /// (and that output or warnings outside any frame are charged to): the
    /// program's main task, or the greenlet running now (the greenlet module
    /// sets it on every landing; its main greenlet is this main task).
    TaskId m_mainTask = 0;
    std::uintptr_t m_stackLow = 0;     ///< lowest usable machine-stack address
    Nanos m_clock = 0;                 ///< virtual time since the run started
    std::vector<std::string> m_warned; ///< (location, message) keys already shown

public:
    // Internal hooks used by the VM's own translation units.
    bool tracing() const { return m_tracing; }
    TaskId mainTask() const { return m_mainTask; }
    /// Makes `task` the one new frame chains belong to (see m_mainTask).
    void setRunningTask(TaskId task) { m_mainTask = task; }
    /// While an event loop runs, Python code it calls (a Task stepping its
    /// coroutine, a callback) runs on the loop's lane or that task's, not on
    /// the frame below it (the one that called asyncio.run): frames entered
    /// while `base` is current belong to `task`. setResumeCaller returns the
    /// previous value, to restore.
    struct ResumeCaller {
        bool active = false;
        TaskId task = 0; ///< 0: the loop itself (an uninstrumented loop steps the coroutine)
        const Frame* base = nullptr;
    };
    ResumeCaller setResumeCaller(ResumeCaller caller)
    {
        const ResumeCaller old = m_resumeCaller;
        m_resumeCaller = caller;
        return old;
    }
    const ResumeCaller& resumeCaller() const { return m_resumeCaller; }
    /// The trace lane of a frame entered with `back` below it.
    TaskId traceTaskBelow(const Frame* back) const
    {
        if (m_resumeCaller.active && back == m_resumeCaller.base) return m_resumeCaller.task;
        return back ? back->m_traceTask : m_mainTask;
    }
    void setCurrentFrame(Frame* f) { m_current = f; }
    FrameStack& frames() { return m_frames; }
    /// Runs a frame made by makeFrame as an entry frame; null on error.
    Ref runFrame(Frame* f);
    /// Exit status for the CLI (0, 1, 3, or sys.exit's code).
    int exitStatus() const { return m_exitStatus; }
    std::vector<std::string_view>& sourceLines() { return m_lines; }

private:
    /// Why the run stopped before its end (the stderr message names it).
    enum class StopReason : std::uint8_t { Steps, Events, Request };
    int m_exitStatus = 0;
    bool m_syntaxError = false;
    bool m_finalizing = false;
    StopReason m_stopReason = StopReason::Steps;
    ResumeCaller m_resumeCaller; ///< see setResumeCaller
    std::atomic<bool> m_stopRequested{false};
    std::optional<syntax::SyntaxError> m_lastSyntaxError;
    std::vector<std::function<void()>> m_exitHooks;
};

/// The Vm running `space` (the installed Interpreter).
inline Vm& vmOf(ObjectSpace& space) { return *static_cast<Vm*>(space.interpreter()); }

} // namespace coroscope::pylite
