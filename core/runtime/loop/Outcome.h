#pragma once
// Outcome<T>: how one future ended, as gather(return_exceptions=True) lists
// it in Python — either a value or an exception (a CancelledError for a
// cancelled child). T may be void: then only the exception is kept.

#include "core/runtime/loop/Errors.h"

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace coroscope {

template <class T>
class Outcome {
public:
    /// A value outcome.
    template <class... U>
    static Outcome success(U&&... value)
    {
        Outcome o;
        if constexpr (!std::is_void_v<T>)
            o.m_value.emplace(std::forward<U>(value)...);
        return o;
    }
    /// An exception outcome; `error` must not be null.
    static Outcome failure(std::exception_ptr error)
    {
        Outcome o;
        o.m_error = std::move(error);
        return o;
    }

    bool hasValue() const { return !m_error; }
    bool hasError() const { return bool(m_error); }
    /// The exception (null for a value).
    const std::exception_ptr& error() const { return m_error; }

    /// The value, or throws the exception (Python code would have to check
    /// isinstance first; C++ code gets the exception where it reads).
    decltype(auto) value() const
    {
        if (m_error)
            std::rethrow_exception(m_error);
        if constexpr (!std::is_void_v<T>)
            return static_cast<const T&>(*m_value);
    }

private:
    using Stored = std::conditional_t<std::is_void_v<T>, bool, T>;

    std::optional<Stored> m_value; ///< empty for void and for failures
    std::exception_ptr m_error;    ///< null for a value
};

} // namespace coroscope
