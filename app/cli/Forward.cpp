#include "app/cli/Forward.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <unistd.h>

namespace coroscope::cli {

namespace {

/// The folder of the running executable ("" when /proc is not readable).
std::string ownDirectory()
{
    std::string path(4096, '\0');
    const ssize_t n = ::readlink("/proc/self/exe", path.data(), path.size() - 1);
    if (n <= 0)
        return {};
    path.resize(std::size_t(n));
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

} // namespace

int forwardTo(const char* program, int argc, char** argv)
{
    const std::string dir = ownDirectory();
    const std::string path = (dir.empty() ? std::string(".") : dir) + "/" + program;
    std::vector<char*> args;
    args.reserve(std::size_t(argc) + 1);
    args.push_back(const_cast<char*>(path.c_str()));
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    std::fflush(stdout);
    ::execv(path.c_str(), args.data());
    std::fprintf(stderr, "coroscope-cli: cannot start %s for %s: %s\n", path.c_str(), argc > 1 ? argv[1] : "",
                 std::strerror(errno));
    return 2;
}

} // namespace coroscope::cli
