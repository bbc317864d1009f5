#include "bench/Bench.h"

#include <cstdio>

namespace coroscope::bench {

Benchmark::Benchmark(const char* name)
    : m_name(name)
{
    registry().push_back(this);
}

std::vector<Benchmark*>& registry()
{
    static std::vector<Benchmark*> all;
    return all;
}

void print(const Results& results, bool json)
{
    if (!json) {
        for (const auto& [name, value] : results.values)
            std::printf("%-32s %12.3f\n", name.c_str(), value);
        return;
    }
    std::printf("{\n");
    for (std::size_t i = 0; i < results.values.size(); ++i)
        std::printf("  \"%s\": %.3f%s\n", results.values[i].first.c_str(), results.values[i].second,
                    i + 1 < results.values.size() ? "," : "");
    std::printf("}\n");
}

} // namespace coroscope::bench
