#pragma once
// WhatIfRunner: runs a lesson program and one of its what-if variants side
// by side on worker threads (two RunControllers, so neither run abandons the
// other) and, once both have ended, digests both traces and compares them.
// The main window's own run is left alone: its playhead stays usable while
// the comparison records.

#include "app/gui/run/RunRequest.h"
#include "app/gui/whatif/WhatIfResult.h"
#include "lessons/loader/RunSpec.h"

#include <QObject>

#include <memory>
#include <optional>

namespace coroscope {

class RunController;
class Trace;

class WhatIfRunner : public QObject {
    Q_OBJECT
public:
    /// Which of the two runs.
    enum class Side : std::uint8_t { Original, Variant };

    explicit WhatIfRunner(QObject* parent = nullptr);
    ~WhatIfRunner() override;

    void setLimits(const RunLimits& limits) { m_limits = limits; }
    const RunLimits& limits() const { return m_limits; }

    /// The request a RunSpec makes (the world and, when the RunRequest
    /// knows it, the uvloop flag go along).
    static RunRequest requestFor(const lessons::RunSpec& spec, const RunLimits& limits);

    /// Runs both (abandoning a comparison under way).
    void start(const lessons::RunSpec& original, const lessons::RunSpec& variant);
    /// Abandons the runs and forgets the last comparison.
    void clear();

    /// Both runs were asked for and not both have ended.
    bool isRunning() const { return m_active && !isReady(); }
    /// Both runs ended and diff() compares them.
    bool isReady() const { return m_result != nullptr; }
    /// Processes events until both runs ended or `timeoutMs` passed; true if they did.
    bool waitForFinished(int timeoutMs);

    const lessons::RunSpec& spec(Side side) const { return side == Side::Original ? m_original : m_variant; }
    /// The comparison; null until isReady().
    std::shared_ptr<const WhatIfResult> result() const { return m_result; }
    /// Valid once isReady().
    const RunResult& runResult(Side side) const { return side == Side::Original ? m_result->originalRun : m_result->variantRun; }
    const RunDigest& digest(Side side) const { return side == Side::Original ? m_result->original : m_result->variant; }
    const WhatIfDiff& diff() const { return m_result->diff; }
    /// A run's trace, from the moment its worker started.
    std::shared_ptr<const Trace> trace(Side side) const { return side == Side::Original ? m_originalTrace : m_variantTrace; }

signals:
    /// Both runs were started.
    void started();
    /// Both runs ended; diff() is ready.
    void finished();

private:
    void onFinished(Side side, const RunResult& result);

    RunController* m_originalRuns;
    RunController* m_variantRuns;
    RunLimits m_limits;
    bool m_active = false;
    lessons::RunSpec m_original;
    lessons::RunSpec m_variant;
    std::shared_ptr<const Trace> m_originalTrace;
    std::shared_ptr<const Trace> m_variantTrace;
    std::optional<RunResult> m_originalResult;
    std::optional<RunResult> m_variantResult;
    std::optional<RunDigest> m_originalDigest;
    std::optional<RunDigest> m_variantDigest;
    std::shared_ptr<const WhatIfResult> m_result;
};

} // namespace coroscope
