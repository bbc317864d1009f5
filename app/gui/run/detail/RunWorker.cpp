// The VM's headers use `emit` and `slots` as names: Qt's keyword macros stay off here.
#define QT_NO_KEYWORDS

#include "app/gui/run/detail/RunWorker.h"

#include "core/runtime/RunContext.h"
#include "core/script/syntax/SyntaxError.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"
#include "lessons/loader/WorldJson.h"

#include <QElapsedTimer>

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace coroscope::detail {

namespace {

using pylite::Vm;

/// stderr kept for the banner and the result; the console reads the trace.
constexpr std::size_t kMaxStderrBytes = 64 * 1024;

RunOutcome outcomeOf(Vm::Status status)
{
    switch (status) {
    case Vm::Status::Ok: return RunOutcome::Ok;
    case Vm::Status::Exception: return RunOutcome::Exception;
    case Vm::Status::SyntaxError: return RunOutcome::SyntaxError;
    case Vm::Status::Limit: return RunOutcome::Limit;
    }
    return RunOutcome::Crashed;
}

/// Where the program's syntax error is, for the editor's underline.
void locateSyntaxError(const Vm& vm, RunResult& result)
{
    const std::optional<syntax::SyntaxError>& error = vm.lastSyntaxError();
    if (!error) return;
    result.syntaxLine = error->hasLocation() ? error->line : 0;
    result.syntaxColumn = std::max(1, error->offset);
    result.syntaxMessage = QString::fromStdString(syntax::syntaxErrorSummary(*error));
}

/// A run that died inside the VM still ends its trace, so the player knows
/// nothing more will come.
void closeTrace(Trace& trace, RunOutcome outcome, const std::string& message)
{
    const std::size_t n = trace.size();
    if (n > 0 && trace[n - 1].kind == EventKind::RunEnd)
        return;
    Event end;
    end.kind = EventKind::RunEnd;
    end.a = std::uint8_t(outcome == RunOutcome::Limit ? RunStatus::Limit : RunStatus::Exception);
    end.v = trace.intern(message).packed();
    trace.append(end);
}

} // namespace

RunInput toRunInput(const RunRequest& request)
{
    RunInput input;
    input.source = request.source.toStdString();
    input.filename = request.filename.isEmpty() ? std::string("main.py") : request.filename.toStdString();
    input.limits = request.limits;
    QString worldError;
    input.world = lessons::worldConfigOf(request.world, worldError);
    input.worldError = worldError.toStdString();
    if (request.uvloop && worldError.isEmpty()) {
        auto world = input.world ? std::make_shared<WorldConfig>(*input.world) : std::make_shared<WorldConfig>();
        world->uvloop = true;
        input.world = std::move(world);
    }
    return input;
}

RunResult executeRun(const RunInput& input, Trace& trace)
{
    RunResult result;
    result.maxSteps = input.limits.maxSteps;
    QElapsedTimer wall;
    wall.start();
    std::string errors;
    try {
        if (!input.worldError.empty()) throw std::invalid_argument("bad world: " + input.worldError);
        RunContext context;
        context.trace = &trace;
        Vm::Options options;
        options.world = input.world;
        options.filename = input.filename;
        options.maxSteps = input.limits.maxSteps;
        options.maxMemory = input.limits.maxMemory;
        options.context = &context;
        options.argv = {input.filename};
        // stdout reaches the GUI through the trace's Output events; stderr is
        // also kept here for the banner.
        options.output = [&errors](Stream stream, std::string_view text) {
            if (stream == Stream::Stderr && errors.size() < kMaxStderrBytes)
                errors.append(text.substr(0, kMaxStderrBytes - errors.size()));
        };
        Vm vm(std::move(options));
        const Vm::Status status = vm.run(input.source);
        result.outcome = outcomeOf(status);
        result.exitCode = vm.exitStatus();
        result.steps = vm.stepsExecuted();
        if (result.outcome == RunOutcome::SyntaxError) locateSyntaxError(vm, result);
    } catch (const std::exception& e) {
        result.outcome = RunOutcome::Crashed;
        result.exitCode = 1;
        result.internalError = QString::fromUtf8(e.what());
    }
    result.stderrText = QString::fromUtf8(errors.data(), qsizetype(errors.size()));
    closeTrace(trace, result.outcome, result.internalError.toStdString());
    result.events = trace.size();
    result.wallMs = wall.elapsed();
    return result;
}

} // namespace coroscope::detail
