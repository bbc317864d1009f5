#include "app/gui/whatif/WhatIfRunner.h"

#include "app/gui/run/RunController.h"
#include "core/trace/Trace.h"

#include <QEventLoop>
#include <QTimer>

namespace coroscope {

namespace {

/// Sets the request's uvloop flag if RunRequest has one: the uvloop loop
/// variant reaches the VM through the run request once the world wiring
/// adds it; until then a uvloop what-if runs on the one loop there is.
template <typename Request>
void setUvloop(Request& request, bool uvloop)
{
    if constexpr (requires(Request r) { r.uvloop = true; })
        request.uvloop = uvloop;
}

} // namespace

WhatIfRunner::WhatIfRunner(QObject* parent)
    : QObject(parent)
    , m_originalRuns(new RunController(this))
    , m_variantRuns(new RunController(this))
{
    connect(m_originalRuns, &RunController::started, this,
            [this](quint64, std::shared_ptr<const Trace> trace) { m_originalTrace = std::move(trace); });
    connect(m_variantRuns, &RunController::started, this,
            [this](quint64, std::shared_ptr<const Trace> trace) { m_variantTrace = std::move(trace); });
    connect(m_originalRuns, &RunController::finished, this,
            [this](const RunResult& result) { onFinished(Side::Original, result); });
    connect(m_variantRuns, &RunController::finished, this,
            [this](const RunResult& result) { onFinished(Side::Variant, result); });
}

WhatIfRunner::~WhatIfRunner() = default;

RunRequest WhatIfRunner::requestFor(const lessons::RunSpec& spec, const RunLimits& limits)
{
    RunRequest request;
    request.source = spec.source;
    request.world = spec.world;
    request.limits = limits;
    setUvloop(request, spec.uvloop);
    return request;
}

void WhatIfRunner::start(const lessons::RunSpec& original, const lessons::RunSpec& variant)
{
    clear();
    m_active = true;
    m_original = original;
    m_variant = variant;
    m_originalRuns->start(requestFor(original, m_limits));
    m_variantRuns->start(requestFor(variant, m_limits));
    emit started();
}

void WhatIfRunner::clear()
{
    m_originalRuns->abandon();
    m_variantRuns->abandon();
    m_active = false;
    m_original = {};
    m_variant = {};
    m_originalTrace.reset();
    m_variantTrace.reset();
    m_originalResult.reset();
    m_variantResult.reset();
    m_originalDigest.reset();
    m_variantDigest.reset();
    m_result.reset();
}

void WhatIfRunner::onFinished(Side side, const RunResult& result)
{
    if (!m_active)
        return;
    const std::shared_ptr<const Trace>& trace = side == Side::Original ? m_originalTrace : m_variantTrace;
    // finished() comes after every event was announced: the worker is done writing.
    RunDigest digest = trace ? RunDigest::fromTrace(*trace) : RunDigest();
    if (side == Side::Original) {
        m_originalResult = result;
        m_originalDigest = std::move(digest);
    } else {
        m_variantResult = result;
        m_variantDigest = std::move(digest);
    }
    if (m_originalDigest && m_variantDigest) {
        auto made = std::make_shared<WhatIfResult>();
        made->diff = WhatIfDiff::compute(*m_originalDigest, *m_variantDigest);
        made->original = std::move(*m_originalDigest);
        made->variant = std::move(*m_variantDigest);
        made->originalRun = *m_originalResult;
        made->variantRun = *m_variantResult;
        m_result = std::move(made);
        m_originalDigest.reset();
        m_variantDigest.reset();
        emit finished();
    }
}

bool WhatIfRunner::waitForFinished(int timeoutMs)
{
    if (!isRunning())
        return isReady();
    QEventLoop loop;
    const auto connection = connect(this, &WhatIfRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(connection);
    return isReady();
}

} // namespace coroscope
