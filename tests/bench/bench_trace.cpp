// Trace, Model and Seeker figures on a synthesized 1,000,000-event asyncio run
// (tests/trace/TraceSynth.h: lines, frames, output, timers, futures, ready
// queue traffic, clock jumps, the mix a real run emits).
#include "bench/Bench.h"

#include "core/trace/Seeker.h"
#include "core/trace/Trace.h"
#include "trace/TraceSynth.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

namespace coroscope::bench {

namespace {

constexpr std::size_t kEvents = 1000000;

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

class TraceBenchmark : public Benchmark {
public:
    TraceBenchmark()
        : Benchmark("trace")
    {
    }

    void run(Results& out) override
    {
        Trace trace;
        testing::TraceSynth(trace, {kEvents, 24, 1}).run();
        out.add("trace_events", double(trace.size()));
        out.add("trace_bytes_per_event", double(trace.bytesUsed()) / double(trace.size()));

        // Appending pre-built events: the cost an emitter pays per event.
        std::vector<Event> events(trace.size());
        for (std::size_t i = 0; i < trace.size(); ++i)
            events[i] = trace[i];
        out.add("trace_append_ns", bestNsPerIteration(long(events.size()), 3, [&](long n) {
                    Trace t;
                    for (long i = 0; i < n; ++i)
                        t.append(events[std::size_t(i)]);
                }));

        Seeker seeker(trace);
        auto t0 = std::chrono::steady_clock::now();
        seeker.update();
        const double indexMs = msSince(t0);
        out.add("seek_index_1m_ms", indexMs);
        out.add("seek_index_ns_per_event", indexMs * 1e6 / double(trace.size()));

        std::mt19937 rng(7);
        double worst = 0;
        double total = 0;
        const int seeks = 400;
        std::size_t sink = 0;
        for (int i = 0; i < seeks; ++i) {
            const std::size_t target = rng() % (trace.size() + 1);
            t0 = std::chrono::steady_clock::now();
            sink += seeker.seek(target).readyCount();
            const double ms = msSince(t0);
            worst = std::max(worst, ms);
            total += ms;
        }
        out.add("seek_1m_ms", worst); // the worst seek; target <= 20
        out.add("seek_1m_ms_mean", total / seeks);

        // Stepping back one event at a time (the player's "step back").
        const int steps = 1000;
        std::size_t p = trace.size() / 2 + 1234;
        t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i)
            sink += seeker.seek(--p).readyCount();
        out.add("step_back_us", msSince(t0) * 1000.0 / steps);

        out.add("model_checkpoint_bytes", double(seeker.checkpointBytes()) / double(seeker.checkpointCount()));
        out.add("seek_checkpoints", double(seeker.checkpointCount()));
        out.add("seek_index_bytes_per_event", double(seeker.indexBytes()) / double(trace.size()));

        // One frame of the timeline: every lane over the whole run at 1000 px
        // (a window draws only its visible lanes; this is the upper bound).
        const Nanos end = seeker.head().now();
        std::size_t spans = 0;
        t0 = std::chrono::steady_clock::now();
        for (const TaskId lane : seeker.timeline().lanes())
            spans += seeker.segments(lane, 0, end, end / 1000).size();
        out.add("timeline_frame_ms", msSince(t0));
        out.add("timeline_lanes", double(seeker.timeline().lanes().size()));
        out.add("timeline_frame_spans", double(spans));
        out.add("timeline_segments", double(seeker.timeline().totalSegments()));
        if (sink == 42)
            out.add("unlikely", 0); // keeps the seeks from being optimised away
    }
};

COROSCOPE_BENCHMARK(TraceBenchmark);

} // namespace

} // namespace coroscope::bench
