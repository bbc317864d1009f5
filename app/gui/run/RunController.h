#pragma once
// RunController: runs programs on worker threads and streams their traces to
// the GUI thread (DESIGN.md section 2: record, then play).
//
// Each run gets a fresh Trace, RunContext and Vm on its own std::thread. A
// timer on the GUI thread publishes how far the trace has grown every
// publishInterval() ms, so playback starts before the run ends, and reports
// the end once the worker is done. Starting a run abandons the current one:
// its signals stop at once, its worker finishes on its own (every run is
// bounded by its step budget) and its Trace lives until both the worker and
// every other holder of the shared_ptr let go of it.
//
// Threads: the worker is the Trace's only writer; everything published here
// was appended before the size the timer loaded (Trace::size() is an
// acquire load), so the GUI may read those events while the worker appends.

#include "app/gui/run/RunRequest.h"

#include <QObject>
#include <QTimer>

#include <list>
#include <memory>

namespace coroscope {

class Trace;

class RunController : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultPublishMs = 30;
    /// Workers alive at once, abandoned ones included. Past this a new run
    /// waits for one to finish, so fast typing over a program that never
    /// ends cannot pile up threads.
    static constexpr int kMaxWorkers = 2;
    /// Events announced per publication at most: indexing them on the GUI
    /// thread stays well below a frame budget even when a run records
    /// millions of events between two ticks.
    static constexpr std::size_t kMaxEventsPerPublish = 400'000;

    explicit RunController(QObject* parent = nullptr);
    /// Waits for every worker; each stops within its step budget.
    ~RunController() override;

    /// Starts running `request` (or queues it behind the worker limit) and
    /// abandons the current run. Returns the new run's id (ids grow from 1).
    quint64 start(const RunRequest& request);
    /// Abandons the current run without starting another.
    void abandon();

    /// The id of the current run; 0 when none.
    quint64 currentRun() const { return m_currentId; }
    /// The current run's trace; null while it waits for a worker or when none.
    std::shared_ptr<const Trace> trace() const;
    /// The current run was asked for and has not finished yet.
    bool isRunning() const;
    /// Workers still executing, abandoned ones included.
    int liveWorkers() const;

    void setPublishInterval(int ms) { m_publish.setInterval(ms); }
    int publishInterval() const { return m_publish.interval(); }

    /// Processes events until the current run has finished or `timeoutMs`
    /// passed; true if it finished. For tests and headless rendering.
    bool waitForFinished(int timeoutMs);

signals:
    /// The worker of run `run` started; `trace` is where it records.
    void started(quint64 run, std::shared_ptr<const coroscope::Trace> trace);
    /// The GUI may read the first `events` events of the current run's
    /// trace (at least one more than before; perhaps fewer than recorded).
    void progressed(quint64 run, qint64 events);
    /// The current run ended; every event of its trace was announced.
    void finished(const coroscope::RunResult& result);

private:
    struct Job;

    void launch(std::shared_ptr<Job> job);
    void onPublish();
    void reapFinished();
    void startPendingIfPossible();

    quint64 m_nextId = 1;
    quint64 m_currentId = 0;
    std::shared_ptr<Job> m_current;     ///< launched or waiting (m_pending)
    bool m_pending = false;             ///< m_current waits for a free worker
    bool m_reported = false;            ///< finished() was emitted for m_current
    std::size_t m_published = 0;        ///< events of m_current announced with progressed()
    std::list<std::shared_ptr<Job>> m_workers; ///< every job whose thread has not been joined
    QTimer m_publish;
};

} // namespace coroscope
