#include "app/gui/run/RunController.h"

#include "app/gui/run/detail/RunWorker.h"
#include "core/trace/Trace.h"

#include <QEventLoop>

#include <algorithm>
#include <atomic>
#include <thread>

namespace coroscope {

/// One run. The controller owns it until its thread is joined; the worker
/// only touches `trace`, `result` and `done`.
struct RunController::Job {
    quint64 id = 0;
    detail::RunInput input;
    std::shared_ptr<Trace> trace;
    std::thread thread;
    RunResult result;              ///< written by the worker before `done` is set
    std::atomic<bool> done{false}; ///< release by the worker, acquire by the GUI thread
};

RunController::RunController(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<coroscope::RunResult>();
    m_publish.setInterval(kDefaultPublishMs);
    connect(&m_publish, &QTimer::timeout, this, &RunController::onPublish);
}

RunController::~RunController()
{
    m_publish.stop();
    for (const std::shared_ptr<Job>& job : m_workers) {
        if (job->thread.joinable())
            job->thread.join();
    }
}

quint64 RunController::start(const RunRequest& request)
{
    abandon();
    auto job = std::make_shared<Job>();
    job->id = m_nextId++;
    job->input = detail::toRunInput(request);
    m_current = job;
    m_currentId = job->id;
    m_reported = false;
    m_published = 0;
    m_pending = true;
    startPendingIfPossible();
    m_publish.start();
    return job->id;
}

void RunController::abandon()
{
    // An abandoned job that is running stays in m_workers until its thread ends.
    m_current.reset();
    m_currentId = 0;
    m_pending = false;
    m_reported = false;
    m_published = 0;
}

std::shared_ptr<const Trace> RunController::trace() const
{
    return m_current && !m_pending ? m_current->trace : nullptr;
}

bool RunController::isRunning() const
{
    return m_current && !m_reported;
}

int RunController::liveWorkers() const
{
    int live = 0;
    for (const std::shared_ptr<Job>& job : m_workers)
        live += job->done.load(std::memory_order_acquire) ? 0 : 1;
    return live;
}

void RunController::startPendingIfPossible()
{
    if (!m_current || !m_pending)
        return;
    reapFinished();
    if (liveWorkers() >= kMaxWorkers)
        return;
    m_pending = false;
    launch(m_current);
}

void RunController::launch(std::shared_ptr<Job> job)
{
    job->trace = std::make_shared<Trace>();
    Job* raw = job.get();
    // The worker holds the Trace too, so it outlives an abandoned run's
    // other holders until the last event is written.
    raw->thread = std::thread([raw, trace = job->trace] {
        RunResult result = detail::executeRun(raw->input, *trace);
        result.run = raw->id;
        raw->result = std::move(result);
        raw->done.store(true, std::memory_order_release);
    });
    m_workers.push_back(std::move(job));
    emit started(raw->id, raw->trace);
}

void RunController::reapFinished()
{
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if ((*it)->done.load(std::memory_order_acquire)) {
            (*it)->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
}

void RunController::onPublish()
{
    reapFinished();
    const std::shared_ptr<Job> job = m_current;
    if (job && !m_pending && !m_reported) {
        // `done` first: once it is seen, the size read after it is final.
        const bool done = job->done.load(std::memory_order_acquire);
        const std::size_t size = job->trace->size();
        const std::size_t available = std::min(size, m_published + kMaxEventsPerPublish);
        if (available > m_published) {
            m_published = available;
            emit progressed(job->id, qint64(available));
        }
        // A slot may have started another run meanwhile.
        if (done && available == size && m_current == job) {
            m_reported = true;
            emit finished(job->result);
        }
    }
    startPendingIfPossible();
    if (m_workers.empty() && !m_pending && !isRunning())
        m_publish.stop();
}

bool RunController::waitForFinished(int timeoutMs)
{
    if (!isRunning())
        return true;
    QEventLoop loop;
    const auto connection = connect(this, &RunController::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(connection);
    return !isRunning();
}

} // namespace coroscope
