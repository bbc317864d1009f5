#pragma once
// PYLITE_CHECK(cond, a, b): an invariant check that stays on in release
// builds and prints both sides before aborting. Reserved for broken
// invariants of the object model, never for Python-level errors.

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace coroscope::pylite::detail {

template <class A, class B>
[[noreturn]] void checkFailed(const char* cond, const char* file, int line, const A& a, const B& b)
{
    std::ostringstream os;
    os << a << " vs " << b;
    std::fprintf(stderr, "%s:%d: pylite invariant failed: %s (%s)\n", file, line, cond, os.str().c_str());
    std::abort();
}

} // namespace coroscope::pylite::detail

#define PYLITE_CHECK(cond, a, b)                                                          \
    do {                                                                                  \
        if (!(cond)) ::coroscope::pylite::detail::checkFailed(#cond, __FILE__, __LINE__, (a), (b)); \
    } while (0)
