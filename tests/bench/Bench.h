#pragma once
// A tiny benchmark registry: each bench_*.cpp registers a Benchmark that
// adds named figures to Results. Ratios against baselines measured in the
// same run are computed by the benchmarks themselves.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace coroscope::bench {

struct Results {
    std::vector<std::pair<std::string, double>> values;
    void add(std::string name, double value) { values.emplace_back(std::move(name), value); }
};

class Benchmark {
public:
    explicit Benchmark(const char* name);
    virtual ~Benchmark() = default;
    virtual void run(Results& out) = 0;
    const char* name() const { return m_name; }

private:
    const char* m_name;
};

std::vector<Benchmark*>& registry();
void print(const Results& results, bool json);

/// Runs fn(iterations) `repeats` times and returns the best time per iteration in ns.
template <typename Fn>
double bestNsPerIteration(long iterations, int repeats, Fn&& fn)
{
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        fn(iterations);
        const auto t1 = std::chrono::steady_clock::now();
        const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / double(iterations);
        if (ns < best)
            best = ns;
    }
    return best;
}

} // namespace coroscope::bench

#define COROSCOPE_BENCHMARK(Class) static Class s_instance_##Class
