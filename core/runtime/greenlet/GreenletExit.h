#pragma once
// GreenletExit: the exception that ends a greenlet quietly, as python-greenlet's.
// Raised in a body (or thrown in with Greenlet::throwIn) and not caught there,
// it ends the greenlet without an error: the parent's pending switch returns
// the carried value instead of raising. Like Python's GreenletExit (a
// BaseException, not an Exception) it does not derive from std::exception,
// so `catch (const std::exception&)` in a body does not swallow it.

#include <cstdint>

namespace coroscope {

class GreenletExit {
public:
    /// Carries no value: the parent receives 0.
    GreenletExit() = default;
    /// The parent receives `value` (a word whose ownership moves with it).
    explicit GreenletExit(std::uint64_t value)
        : m_value(value)
        , m_hasValue(true)
    {
    }

    bool hasValue() const { return m_hasValue; }
    /// The carried word, 0 when none was given.
    std::uint64_t value() const { return m_value; }

private:
    std::uint64_t m_value = 0; ///< what the parent's switch returns
    bool m_hasValue = false;   ///< whether a value was given at all
};

} // namespace coroscope
