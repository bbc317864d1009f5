#pragma once
// RunRequest and RunResult: what the GUI asks the RunController to run, and
// how that run ended (DESIGN.md section 2: a run = program text, world,
// limits; it records a trace on a worker thread).

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace coroscope {

/// Budgets of one GUI run. A program that never ends must stop on its own
/// within about a second and leave a trace small enough to step through.
struct RunLimits {
    /// Instructions before the VM stops the run. Traced code emits at most
    /// about two events per instruction (`while True: pass` does), so this
    /// also bounds the trace near 2,000,000 events (48 MB); every lesson
    /// needs a few thousand.
    static constexpr std::uint64_t kDefaultMaxSteps = 1'000'000;
    /// Heap the program may allocate.
    static constexpr std::size_t kDefaultMaxMemory = std::size_t(256) << 20;

    std::uint64_t maxSteps = kDefaultMaxSteps;
    std::size_t maxMemory = kDefaultMaxMemory;
};

struct RunRequest {
    QString source;                        ///< the program text
    QString filename = QStringLiteral("main.py"); ///< what tracebacks call it
    QJsonObject world;                     ///< the simulated world (DESIGN.md section 5)
    bool uvloop = false;                   ///< every loop runs uninstrumented (uvloop's variant; WorldConfig::uvloop)
    RunLimits limits;
};

/// How a run ended, from the GUI's point of view.
enum class RunOutcome : std::uint8_t {
    Ok,          ///< ran to completion (sys.exit(0) included)
    Exception,   ///< an exception escaped, or sys.exit with a non-zero code
    SyntaxError, ///< did not compile: nothing ran
    Limit,       ///< a budget stopped it
    Crashed,     ///< the VM failed internally (a bug of Coroscope, not of the program)
};

struct RunResult {
    quint64 run = 0;                 ///< the RunController's id of the run
    RunOutcome outcome = RunOutcome::Ok;
    int exitCode = 0;                ///< coroscope-cli's exit status: 0, 1, 3 or sys.exit's code
    QString stderrText;              ///< everything the program wrote to stderr (cut at 64 KiB)
    int syntaxLine = 0;              ///< SyntaxError: 1-based line, 0 when unknown
    int syntaxColumn = 0;            ///< SyntaxError: 1-based column, 0 when unknown
    QString syntaxMessage;           ///< SyntaxError: "SyntaxError: expected ':'"
    QString internalError;           ///< Crashed: what failed
    std::uint64_t steps = 0;         ///< instructions executed
    std::uint64_t maxSteps = 0;      ///< the step budget it ran with
    std::size_t events = 0;          ///< events recorded
    qint64 wallMs = 0;               ///< how long the worker took
};

} // namespace coroscope

Q_DECLARE_METATYPE(coroscope::RunResult)
