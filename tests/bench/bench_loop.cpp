// Event-loop benchmarks, tracing off:
//   call_soon_ns        loop.call_soon + its run in a pass, per callback
//   timer_ns            loop.call_later with scattered deadlines + its firing, per timer
//   cpp20_resume_ns     resuming a suspended co::Task chain directly (Coroutine::resume)
//   cpp20_task_step_ns  one full Task step through the loop (yield, call_soon, pass, resume)

#include "bench/Bench.h"

#include "core/runtime/RunContext.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/native/Sleep.h"
#include "core/runtime/native/Spawn.h"

#include <cstdint>

namespace coroscope::bench {

namespace {

constexpr long kCallbacks = 1'000'000;
constexpr long kTimers = 500'000;
constexpr long kResumes = 2'000'000;
constexpr long kSteps = 1'000'000;
constexpr long kBatch = 1024; ///< callbacks or timers in flight at once
constexpr int kRepeats = 5;

co::Task<void> yieldForever(long n)
{
    for (long i = 0; i < n; ++i)
        co_await co::yieldNow();
}

/// A two-level chain, so that a resume goes through the driver to the leaf.
co::Task<void> chained(long n)
{
    co_await yieldForever(n);
}

class LoopBenchmark : public Benchmark {
public:
    LoopBenchmark()
        : Benchmark("loop")
    {
    }

    void run(Results& out) override
    {
        std::uint64_t sink = 0;

        const double callSoon = bestNsPerIteration(kCallbacks, kRepeats, [&](long n) {
            RunContext ctx;
            EventLoop loop(ctx);
            std::uint64_t counter = 0;
            for (long done = 0; done < n; done += kBatch) {
                for (long i = 0; i < kBatch; ++i)
                    loop.callSoon([&counter] { ++counter; });
                loop.runOnce();
            }
            sink += counter;
        });

        const double timer = bestNsPerIteration(kTimers, kRepeats, [&](long n) {
            RunContext ctx;
            EventLoop loop(ctx);
            std::uint64_t counter = 0;
            std::uint32_t rng = 12345;
            for (long done = 0; done < n; done += kBatch) {
                for (long i = 0; i < kBatch; ++i) {
                    rng = rng * 1664525u + 1013904223u; // deterministic scatter
                    loop.callLater(Nanos(rng % 1'000'000), [&counter] { ++counter; });
                }
                while (loop.timerCount() > 0)
                    loop.runOnce();
            }
            sink += counter;
        });

        const double resume = bestNsPerIteration(kResumes, kRepeats, [&](long n) {
            ValueCoroutine<void>* coro = chained(n).release();
            for (long i = 0; i <= n; ++i)
                sink += std::uint64_t(coro->resume(nullptr).status);
            coro->destroy();
        });

        const double step = bestNsPerIteration(kSteps, kRepeats, [&](long n) {
            RunContext ctx;
            EventLoop loop(ctx);
            auto task = co::spawn(loop, yieldForever(n));
            loop.runUntilComplete(*task);
            sink += task->done();
        });

        out.add("call_soon_ns", callSoon);
        out.add("timer_ns", timer);
        out.add("cpp20_resume_ns", resume);
        out.add("cpp20_task_step_ns", step);
        if (sink == 42) // keeps the loops' work observable
            out.add("loop_sink", double(sink));
    }
};

} // namespace

COROSCOPE_BENCHMARK(LoopBenchmark);

} // namespace coroscope::bench
