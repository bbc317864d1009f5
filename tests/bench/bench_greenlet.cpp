// Greenlet benchmarks: a switch against a plain Boost.Context ping-pong
// measured in the same run, and create + start + finish with a warm pool.
// Both switch figures are per switch: one round trip is two switches.

#include "bench/Bench.h"

#include "core/runtime/greenlet/GreenletRuntime.h"
#include "core/runtime/greenlet/detail/OsFiber.h"

#include <algorithm>

namespace coroscope::bench {

namespace {

constexpr long kRoundTrips = 1'000'000;
constexpr long kCreations = 100'000;
constexpr int kRepeats = 7;

class GreenletBenchmark : public Benchmark {
public:
    GreenletBenchmark()
        : Benchmark("greenlet")
    {
    }

    void run(Results& out) override
    {
        RunContext ctx; // tracing off
        StackPool pool;
        GreenletRuntime runtime(ctx, pool);
        Greenlet& main = *runtime.main();

        bool stop = false;
        const auto peer = runtime.create([&](Greenlet::Value v) {
            while (!stop)
                v = main.switchTo(v + 1);
            return v;
        });
        peer->switchTo(0);

        // Raw and greenlet runs alternate so that both see the same machine load.
        double raw = 1e300;
        double greenlet = 1e300;
        Greenlet::Value sink = 0;
        for (int r = 0; r < kRepeats; ++r) {
            raw = std::min(raw, detail::rawBoostContextSwitchNs(kRoundTrips));
            greenlet = std::min(greenlet, bestNsPerIteration(kRoundTrips, 1, [&](long n) {
                                              Greenlet::Value v = 0;
                                              for (long i = 0; i < n; ++i)
                                                  v = peer->switchTo(v);
                                              sink += v;
                                          }) / 2.0);
        }
        stop = true;
        sink += peer->switchTo(0);

        pool.reserve(1);
        const double create = bestNsPerIteration(kCreations, kRepeats, [&](long n) {
            for (long i = 0; i < n; ++i) {
                const auto g = runtime.create([](Greenlet::Value v) { return v + 1; });
                sink += g->switchTo(Greenlet::Value(i));
            }
        });

        out.add("raw_context_switch_ns", raw);
        out.add("greenlet_switch_ns", greenlet);
        out.add("greenlet_switch_ratio", greenlet / raw);
        out.add("greenlet_create_ns", create);
        if (sink == 42) // keeps the loops' results alive
            out.add("greenlet_sink", double(sink));
    }
};

} // namespace

COROSCOPE_BENCHMARK(GreenletBenchmark);

} // namespace coroscope::bench
