#pragma once
// Boost.Context unwinds a fiber that is destroyed while suspended by throwing
// its forced-unwind exception through the fiber's stack; it must reach Boost
// untouched. Only OsFiber.cpp includes Boost.Context, so the check lives
// there and everything else calls this.

namespace coroscope {

/// Call first in every `catch (...)` that may run on a fiber: rethrows Boost's
/// forced-unwind exception and returns for anything else.
void rethrowIfForcedUnwind();

} // namespace coroscope
