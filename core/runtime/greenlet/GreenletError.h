#pragma once
// GreenletError: misuse of the greenlet API (not an error of a body). Each
// carries the Python exception type python-greenlet raises for the same
// misuse, and the same message, so the VM can re-raise it unchanged.

#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace coroscope {

class GreenletError : public std::runtime_error {
public:
    enum class Kind : std::uint8_t {
        Error,          ///< greenlet.error (e.g. switching to a greenlet of a runtime that is gone)
        ValueError,     ///< e.g. "cyclic parent chain"
        AttributeError, ///< e.g. "can't delete attribute" (parent set to None)
    };

    GreenletError(Kind kind, const char* message)
        : std::runtime_error(message)
        , m_kind(kind)
    {
    }

    Kind kind() const { return m_kind; }

    /// The Python type to raise: "greenlet.error", "ValueError" or "AttributeError".
    std::string_view pythonType() const
    {
        switch (m_kind) {
        case Kind::Error: return "greenlet.error";
        case Kind::ValueError: return "ValueError";
        case Kind::AttributeError: return "AttributeError";
        }
        return "greenlet.error";
    }

private:
    Kind m_kind; ///< which Python exception this stands for
};

} // namespace coroscope
