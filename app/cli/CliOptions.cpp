#include "app/cli/CliOptions.h"

#include <cerrno>
#include <cstdlib>

namespace coroscope::cli {

namespace {

bool parseCount(const std::string& text, std::uint64_t& out, bool allowSuffix)
{
    if (text.empty()) return false;
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    if (errno != 0 || end == text.c_str() || text[0] == '-') return false;
    std::uint64_t mult = 1;
    if (*end) {
        if (!allowSuffix || end[1]) return false;
        switch (*end) {
        case 'k': case 'K': mult = 1ull << 10; break;
        case 'm': case 'M': mult = 1ull << 20; break;
        case 'g': case 'G': mult = 1ull << 30; break;
        default: return false;
        }
    }
    out = v * mult;
    return true;
}

} // namespace

bool parseOptions(int argc, char** argv, Options& out, std::string& error)
{
    out.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](std::string& dst) {
            if (i + 1 >= argc) {
                error = "option " + arg + " needs a value";
                return false;
            }
            dst = argv[++i];
            return true;
        };
        if (arg == "--max-steps") {
            std::string v;
            if (!value(v)) return false;
            if (!parseCount(v, out.maxSteps, false) || out.maxSteps == 0) {
                error = "--max-steps expects a positive integer, got '" + v + "'";
                return false;
            }
        } else if (arg == "--max-memory") {
            std::string v;
            if (!value(v)) return false;
            std::uint64_t bytes = 0;
            if (!parseCount(v, bytes, true) || bytes == 0) {
                error = "--max-memory expects a positive byte count, got '" + v + "'";
                return false;
            }
            out.maxMemory = std::size_t(bytes);
        } else if (arg == "--stats") {
            out.stats = true;
        } else if (arg == "--check") {
            if (out.command != "lessons") {
                error = "--check is an option of lessons";
                return false;
            }
            out.check = true;
        } else if (arg == "--world") {
            if (!value(out.world)) return false;
        } else if (arg == "--format") {
            if (!value(out.format)) return false;
            if (out.format != "chrome" && out.format != "jsonl") {
                error = "--format expects chrome or jsonl, got '" + out.format + "'";
                return false;
            }
        } else if (arg == "-o") {
            if (!value(out.output)) return false;
        } else if (!arg.empty() && arg[0] == '-') {
            error = "unknown option " + arg;
            return false;
        } else if (out.file.empty()) {
            out.file = arg;
        } else {
            error = "unexpected argument " + arg;
            return false;
        }
    }
    if (out.file.empty() && (out.command == "run" || out.command == "trace" || out.command == "dis")) {
        error = out.command + " needs a FILE.py";
        return false;
    }
    if (!out.file.empty() && out.command == "lessons") {
        error = "lessons takes no file (unexpected argument " + out.file + ")";
        return false;
    }
    return true;
}

} // namespace coroscope::cli
