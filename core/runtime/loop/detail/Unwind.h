#pragma once
// Boost.Context unwinds a fiber that is destroyed while suspended by throwing
// boost::context::detail::forced_unwind through its stack. Every `catch (...)`
// that may run on a fiber must let it pass. Only one .cpp of the project
// includes Boost.Context, so the type is recognised here by its mangled name.

#include <cstring>
#include <cxxabi.h>
#include <typeinfo>

namespace coroscope::detail {

/// Call first thing inside `catch (...)`: rethrows Boost's forced unwind.
inline void rethrowIfForcedUnwind()
{
    const std::type_info* type = abi::__cxa_current_exception_type();
    if (type && std::strcmp(type->name(), "N5boost7context6detail13forced_unwindE") == 0)
        throw;
}

} // namespace coroscope::detail
