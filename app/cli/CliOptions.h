#pragma once
// Command-line options of coroscope-cli (and coroscope-lessons), parsed without Qt.

#include <cstddef>
#include <cstdint>
#include <string>

namespace coroscope::cli {

struct Options {
    std::string command;        ///< run, trace, dis...
    std::string file;           ///< FILE.py
    std::uint64_t maxSteps = 0; ///< --max-steps (0: the VM's default)
    std::size_t maxMemory = 0;  ///< --max-memory BYTES (0: the VM's default); K/M/G suffixes accepted
    bool stats = false;         ///< --stats
    std::string world;          ///< --world FILE.json: the simulated world (core/runtime/world/WorldJson.h)
    std::string format = "jsonl"; ///< trace --format chrome|jsonl
    std::string output;         ///< trace -o OUT
    bool check = false;         ///< lessons --check
};

/// Parses argv (argv[1] is the command). False with a message on a usage error.
bool parseOptions(int argc, char** argv, Options& out, std::string& error);

} // namespace coroscope::cli
