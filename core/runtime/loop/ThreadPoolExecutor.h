#pragma once
// ThreadPoolExecutor: concurrent.futures.ThreadPoolExecutor as the loop sees
// it through loop.run_in_executor — simulated (DESIGN.md §1). No OS thread
// runs user code: each worker is a deterministic lane (a TaskKind::Thread
// task named "ThreadPoolExecutor-N_K") that runs its job on its own fiber.
// A blocking call inside a job (loop.block(), i.e. time.sleep) blocks only
// that worker: its clock moves ahead, its fiber is parked, and a loop timer
// resumes it when the loop's clock gets there, while the loop runs other
// tasks meanwhile. A finished job resolves its loop future with call_soon,
// as CPython's _chain_future does with call_soon_threadsafe.
//
// Determinism: as in CPython, a worker is added per submission while fewer
// than maxWorkers exist and none is idle; queued jobs go to the idle worker
// with the lowest number. A job whose future is cancelled before it starts
// never runs (concurrent.futures.Future.cancel on a pending item); a running
// job runs on and its result is dropped.
//
// Fibers come from a GreenletRuntime private to the executor, built on an
// untraced RunContext: the trace shows the worker lanes, not the fibers under
// them. The loop must outlive the executor; destroying the executor kills
// running jobs (GreenletExit at their blocking call) and cancels the futures
// of jobs that did not finish.

#include "core/runtime/RunContext.h"
#include "core/runtime/greenlet/GreenletExit.h"
#include "core/runtime/greenlet/GreenletRuntime.h"
#include "core/runtime/greenlet/StackPool.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Future.h"

#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace coroscope {

class ThreadPoolExecutor {
public:
    /// CPython's default is min(32, os.cpu_count() + 4); we fix cpu_count at 1
    /// so that every machine schedules alike.
    static constexpr std::size_t kDefaultMaxWorkers = 5;

    /// `maxWorkers` must be at least 1. An empty `prefix` names the workers
    /// "ThreadPoolExecutor-N_K" with N counted per loop.
    ThreadPoolExecutor(EventLoop& loop, StackPool& stacks, std::size_t maxWorkers = kDefaultMaxWorkers,
                       std::string prefix = {});
    ~ThreadPoolExecutor();
    ThreadPoolExecutor(const ThreadPoolExecutor&) = delete;
    ThreadPoolExecutor& operator=(const ThreadPoolExecutor&) = delete;

    /// loop.run_in_executor(executor, fn): queues fn() to run on a worker and
    /// returns the loop future of its result (FutureKind::Executor). An
    /// exception escaping fn fails the future.
    template <class F>
    auto submit(F&& fn) -> Ref<Future<std::invoke_result_t<std::decay_t<F>&>>>
    {
        using R = std::invoke_result_t<std::decay_t<F>&>;
        auto job = std::make_unique<TypedJob<R, std::decay_t<F>>>(std::forward<F>(fn), m_loop);
        Ref<Future<R>> future = job->typedFuture;
        enqueue(std::move(job));
        return future;
    }

    EventLoop& loop() const { return m_loop; }
    std::size_t maxWorkers() const { return m_maxWorkers; }
    /// Workers created so far (they are created on demand, never destroyed).
    std::size_t workerCount() const { return m_workers.size(); }
    /// The lane task of worker `index` (in creation order).
    TaskId workerTask(std::size_t index) const;
    std::string workerName(std::size_t index) const;
    /// Jobs submitted and not yet handed to a worker.
    std::size_t queuedJobs() const { return m_queue.size(); }
    /// The fiber runtime the jobs run on (its current greenlet is the running job's).
    GreenletRuntime& fibers() { return m_fibers; }

private:
    /// One submitted call: runs on a worker's fiber, then delivers on the loop.
    class Job {
    public:
        virtual ~Job() = default;
        /// On the fiber: calls the function and keeps its outcome. Lets only
        /// GreenletExit and forced unwinds escape (the job is being killed).
        virtual void run() = 0;
        /// On the loop: moves the outcome into the future unless it was cancelled.
        virtual void deliver() = 0;
        virtual FutureBase& future() = 0;
    };

    template <class R, class F>
    class TypedJob final : public Job {
    public:
        TypedJob(F fn, EventLoop& loop)
            : typedFuture(Future<R>::create(loop, FutureKind::Executor))
            , m_fn(std::move(fn))
        {
        }
        void run() override
        {
            try {
                if constexpr (std::is_void_v<R>) {
                    m_fn();
                    m_value.emplace(true);
                } else {
                    m_value.emplace(m_fn());
                }
            } catch (const GreenletExit&) {
                throw;
            } catch (...) {
                rethrowIfForcedUnwind();
                m_error = std::current_exception();
            }
        }
        void deliver() override
        {
            if (typedFuture->cancelled())
                return;
            if (m_error)
                typedFuture->setException(std::move(m_error));
            else if constexpr (std::is_void_v<R>)
                typedFuture->setResult();
            else
                typedFuture->setResult(std::move(*m_value));
        }
        FutureBase& future() override { return *typedFuture; }

        Ref<Future<R>> typedFuture;

    private:
        F m_fn;
        std::optional<std::conditional_t<std::is_void_v<R>, bool, R>> m_value;
        std::exception_ptr m_error;
    };

    class Worker;

    void enqueue(std::unique_ptr<Job> job);
    /// Hands queued jobs to idle workers, lowest number first.
    void dispatch();
    void addWorker();

    EventLoop& m_loop;
    RunContext m_fiberContext;        ///< untraced: the fibers are an implementation detail
    GreenletRuntime m_fibers;         ///< must outlive m_workers
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::deque<std::unique_ptr<Job>> m_queue; ///< submitted, not yet on a worker
    std::string m_prefix;
    std::size_t m_maxWorkers;
};

} // namespace coroscope
