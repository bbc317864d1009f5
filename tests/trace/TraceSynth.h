#pragma once
// TraceSynth: a deterministic pseudo-run that writes a realistic trace of any
// length, as the real emitters would for an asyncio program: a main task that
// starts greenlets and worker tasks and awaits a gather; workers that run a
// few lines (with helper frames, locals and output), then sleep (timer +
// future + wake-up callback, CPython style), yield, await a child task,
// block the loop, do I/O, fail, or finish and spawn a replacement; the clock
// jumps to the next timer when nothing is ready. The trace ends with RunEnd
// (Limit) once `events` is reached. Same options, same trace.

#include "trace/TraceBuilder.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace coroscope::testing {

struct SynthOptions {
    std::size_t events = 100000; ///< stop once the trace holds this many events
    std::uint32_t workers = 12;  ///< worker tasks alive at any time
    std::uint64_t seed = 1;
};

class TraceSynth {
public:
    TraceSynth(Trace& trace, SynthOptions options)
        : m_b(trace)
        , m_options(options)
        , m_rng(options.seed)
    {
    }

    void run()
    {
        m_label = m_b.trace()->intern("Task.__step").packed();
        m_wakeLabel = m_b.trace()->intern("_set_result_unless_cancelled").packed();
        startMain();
        while (!full()) {
            if (!m_ready.empty()) {
                // One pass runs only what was ready when it began (CPython's _run_once).
                for (std::size_t n = m_ready.size(); n > 0 && !full(); --n) {
                    const Ready r = m_ready.front();
                    m_ready.pop_front();
                    m_b.readyPop(r.handle, r.task);
                    if (r.task)
                        step(r.task);
                    else
                        runCallback(r.future);
                }
            } else if (!m_timers.empty()) {
                const auto it = m_timers.begin();
                const Timer t = it->second;
                m_timers.erase(it);
                if (t.deadline > m_now) {
                    m_now = t.deadline;
                    m_b.clock(m_now);
                }
                m_b.timerFired(t.id, t.owner);
                pushReady(0, t.future, t.handle);
            } else {
                break; // nothing left to run
            }
        }
        m_b.end(RunStatus::Limit, "event budget reached");
    }

private:
    struct Ready {
        HandleId handle;
        TaskId task;       ///< 0: a plain callback that resolves `future`
        FutureId future;
    };
    struct Timer {
        TimerId id;
        TaskId owner;
        HandleId handle;
        FutureId future;
        Nanos deadline;
    };
    struct Worker {
        FutureId future = 0;     ///< its task future
        TaskId parent = 0;       ///< who awaits it (0: nobody)
        std::uint32_t left = 0;  ///< iterations before it finishes
        std::uint32_t base = 0;  ///< first line of its function
        bool started = false;
    };

    bool full() const { return m_b.size() + 1 >= m_options.events; }

    std::uint64_t next()
    {
        // splitmix64
        std::uint64_t z = (m_rng += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return std::uint32_t(next() % n); }

    void pushReady(TaskId task, FutureId future, HandleId handle = 0)
    {
        if (!handle)
            handle = m_nextHandle++;
        m_ready.push_back(Ready{handle, task, future});
        m_b.raw(Event{EventKind::ReadyPush, 0, 0, handle, task, 0, task ? m_label : m_wakeLabel});
        if (task)
            m_b.state(task, TaskState::Ready);
    }

    TaskId spawn(TaskId parent, std::uint32_t iterations, std::string_view prefix)
    {
        const TaskId id = m_nextTask++;
        Worker& w = m_workers[id];
        w.future = m_nextFuture++;
        w.left = iterations;
        w.base = 10 + below(40);
        m_b.created(id, TaskKind::CoroutineTask, parent, w.base, std::string(prefix) + std::to_string(id));
        m_b.future(w.future, FutureKind::Task, id);
        pushReady(id, 0);
        return id;
    }

    void startMain()
    {
        m_b.created(1, TaskKind::Main, 0, 1, "main");
        m_b.switchTo(1, 0, SwitchWhy::Start).state(1, TaskState::Running, WaitKind::None, 0, 1);
        m_b.framePush(1, 1, 1, "<module>").line(1, 3);
        // Two greenlets ping-pong once before the loop starts.
        m_b.created(2, TaskKind::Greenlet, 1, 5, "g1").created(3, TaskKind::Greenlet, 1, 9, "g2");
        m_b.state(1, TaskState::Suspended).switchTo(2, 1, SwitchWhy::Switch).state(2, TaskState::Running);
        m_b.framePush(2, 5, 1, "g1").output(2, "12\n").state(2, TaskState::Suspended);
        m_b.switchTo(3, 2, SwitchWhy::Switch).state(3, TaskState::Running).framePush(3, 9, 1, "g2");
        m_b.output(3, "56\n").framePop(3, 0).state(3, TaskState::Done).switchTo(1, 3, SwitchWhy::Return);
        m_b.state(1, TaskState::Running).line(1, 20);
        m_nextTask = 4;
        for (std::uint32_t i = 0; i < m_options.workers; ++i)
            spawn(1, 3 + below(30), "worker-");
        const FutureId gather = m_nextFuture++;
        m_b.future(gather, FutureKind::Gather, 1).waiter(gather, 1);
        m_b.state(1, TaskState::Waiting, WaitKind::Future, gather, 22).switchTo(0, 1, SwitchWhy::Await);
    }

    void runCallback(FutureId future)
    {
        // _set_result_unless_cancelled: resolve the sleep future; its waiter wakes next pass.
        m_b.resolved(future, FutureOutcome::Result, "None");
        const auto it = m_sleepers.find(future);
        if (it != m_sleepers.end()) {
            pushReady(it->second, 0);
            m_sleepers.erase(it);
        }
    }

    void finish(TaskId id, Worker& w)
    {
        const bool fails = below(20) == 0;
        m_b.framePop(id, 0);
        if (fails) {
            m_b.exception(id, "Traceback (most recent call last):\nValueError: bad item " + std::to_string(id));
            m_b.resolved(w.future, FutureOutcome::Exception, "ValueError('bad item')");
            m_b.state(id, TaskState::Failed);
        } else {
            m_b.resolved(w.future, FutureOutcome::Result, std::to_string(id * 7));
            m_b.state(id, TaskState::Done);
        }
        if (w.parent) {
            pushReady(w.parent, 0);
        }
        m_b.switchTo(0, id, SwitchWhy::Return);
        m_workers.erase(id);
    }

    void step(TaskId id)
    {
        Worker& w = m_workers[id];
        m_b.switchTo(id, 0, w.started ? SwitchWhy::Resume : SwitchWhy::Start).state(id, TaskState::Running);
        if (!w.started) {
            m_b.framePush(id, w.base, 1, "work");
            w.started = true;
        }
        for (std::uint32_t i = 0, n = 1 + below(4); i < n; ++i)
            m_b.line(id, w.base + 1 + below(12));
        if (below(5) == 0) {
            m_b.framePush(id, 80, 2, "fetch").locals(id, 2, "url='http://h" + std::to_string(below(9)) + "/', n=" + std::to_string(w.left));
            m_b.line(id, 81).line(id, 82).framePop(id, 1);
        }
        if (below(7) == 0)
            m_b.output(id, "worker " + std::to_string(id) + " tick " + std::to_string(w.left) + "\n");
        if (below(50) == 0) {
            m_now += 1000000;
            m_b.warning(id, WarningKind::BlockingCall, "time.sleep() blocks the event loop");
            m_b.clock(m_now, ClockWhy::Blocking);
        }
        if (below(50) == 0)
            m_b.io(id, IoOp::Request, 512 + below(4096), 1000 + below(50000), "api.example.com");
        if (w.left == 0) {
            if (m_workers.size() <= m_options.workers + 2)
                spawn(id, 3 + below(30), "worker-");
            finish(id, w);
            return;
        }
        --w.left;
        const std::uint32_t action = below(20);
        if (action < 12) { // await asyncio.sleep(d)
            const TimerId timer = m_nextTimer++;
            const FutureId future = m_nextFuture++;
            const HandleId handle = m_nextHandle++;
            const Nanos deadline = m_now + Nanos(1 + below(50)) * 1000000;
            m_b.future(future, FutureKind::Plain, id).timer(timer, id, handle, deadline).waiter(future, id);
            m_timers.emplace(std::make_pair(deadline, timer), Timer{timer, id, handle, future, deadline});
            m_sleepers[future] = id;
            m_b.state(id, TaskState::Waiting, WaitKind::Timer, timer).switchTo(0, id, SwitchWhy::Await);
        } else if (action < 15) { // await asyncio.sleep(0)
            pushReady(id, 0);
            m_b.switchTo(0, id, SwitchWhy::Yield);
        } else { // await a child task
            const TaskId child = spawn(id, 1 + below(4), "child-");
            Worker& c = m_workers[child];
            c.parent = id;
            m_b.waiter(c.future, id).state(id, TaskState::Waiting, WaitKind::Task, child);
            m_b.switchTo(0, id, SwitchWhy::Await);
        }
    }

    TraceBuilder m_b;
    SynthOptions m_options;
    std::uint64_t m_rng;
    std::uint64_t m_label = 0;     ///< interned once, as an emitter caches constant labels
    std::uint64_t m_wakeLabel = 0;
    Nanos m_now = 0;
    TaskId m_nextTask = 1;
    FutureId m_nextFuture = 1;
    TimerId m_nextTimer = 1;
    HandleId m_nextHandle = 1;
    std::deque<Ready> m_ready;
    std::map<std::pair<Nanos, TimerId>, Timer> m_timers; ///< firing order: (deadline, id)
    std::map<FutureId, TaskId> m_sleepers;               ///< sleep future -> the task it wakes
    std::map<TaskId, Worker> m_workers;
};

} // namespace coroscope::testing
