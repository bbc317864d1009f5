// pylite programs inside the process, to split what tests/bench/compare.py
// can only time whole (coroscope-cli run/trace):
//   pylite_tasks_1m_steps_ms         10,000 tasks x 100 `await asyncio.sleep(0)`, tracing off
//   pylite_tasks_1m_steps_traced_ms  the same run recording its trace (no export)
//   pylite_trace_events              events that run records
//   pylite_trace_jsonl_export_ms     writing those events as JSON Lines to a null stream
//   pylite_greenlet_switch_ns        one switch of 1,000,000 between two pylite greenlets
// Each figure is the best of three runs.

#include "bench/Bench.h"

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/JsonLinesExport.h"
#include "core/trace/Trace.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>

namespace coroscope::bench {

namespace {

constexpr int kRepeats = 3;

/// A program of tests/bench/py/, the same file compare.py runs on both
/// interpreters (its path is compiled in); empty if it cannot be read.
std::string benchProgram(const char* name)
{
    std::ifstream in(std::string(COROSCOPE_BENCH_PY_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Discards everything written to it.
class NullBuffer : public std::streambuf {
protected:
    int overflow(int c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// Runs `source` in a fresh Vm (tracing into `ctx` when given); returns the
/// wall time of Vm::run in ms, or -1 if the program is missing or did not
/// finish cleanly.
double runProgram(std::string_view source, RunContext* ctx)
{
    if (source.empty()) return -1;
    pylite::Vm::Options o;
    o.context = ctx;
    o.output = [](Stream, std::string_view) {};
    pylite::Vm vm(std::move(o));
    const auto t0 = std::chrono::steady_clock::now();
    const pylite::Vm::Status status = vm.run(source);
    const double ms = msSince(t0);
    return status == pylite::Vm::Status::Ok ? ms : -1;
}

class PyliteBenchmark : public Benchmark {
public:
    PyliteBenchmark()
        : Benchmark("pylite")
    {
    }

    void run(Results& out) override
    {
        double plain = 1e300;
        double traced = 1e300;
        double exported = 1e300;
        double switchNs = 1e300;
        std::size_t events = 0;
        const std::string tasksProgram = benchProgram("tasks_sleep0.py");
        const std::string greenletProgram = benchProgram("greenlet_switch.py");
        for (int r = 0; r < kRepeats; ++r) {
            plain = std::min(plain, runProgram(tasksProgram, nullptr));

            auto trace = std::make_unique<Trace>();
            RunContext ctx;
            ctx.trace = trace.get();
            traced = std::min(traced, runProgram(tasksProgram, &ctx));
            events = trace->size();

            NullBuffer buffer;
            std::ostream sink(&buffer);
            const auto t0 = std::chrono::steady_clock::now();
            JsonLinesExport(*trace).write(sink);
            exported = std::min(exported, msSince(t0));

            // ms for 1,000,000 switches = ns per switch.
            switchNs = std::min(switchNs, runProgram(greenletProgram, nullptr));
        }
        out.add("pylite_tasks_1m_steps_ms", plain);
        out.add("pylite_tasks_1m_steps_traced_ms", traced);
        out.add("pylite_trace_events", double(events));
        out.add("pylite_trace_jsonl_export_ms", exported);
        out.add("pylite_greenlet_switch_ns", switchNs);
    }
};

COROSCOPE_BENCHMARK(PyliteBenchmark);

} // namespace

} // namespace coroscope::bench
