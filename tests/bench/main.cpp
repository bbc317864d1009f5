// coroscope-bench: prints each benchmark as "name value" or, with --json, one JSON object.
#include "bench/Bench.h"

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    bool json = false;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--json") == 0)
            json = true;
    coroscope::bench::Results results;
    for (auto* b : coroscope::bench::registry())
        b->run(results);
    coroscope::bench::print(results, json);
    return 0;
}
