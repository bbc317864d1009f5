#pragma once
// Future<T>: asyncio.Future with a typed result. T may be void. The VM uses
// Future<Value>; native code uses whatever it returns.

#include "core/runtime/loop/Errors.h"
#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/FutureBase.h"

#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace coroscope {

namespace detail {

struct Unit {};

/// The trace summary of a result: numbers, bools and strings are spelled as
/// Python prints them; other types may provide `std::string traceText(const T&)`
/// (found by ADL); anything else is left blank.
template <class T>
std::string resultText(const T& v)
{
    if constexpr (std::is_same_v<T, bool>)
        return v ? "True" : "False";
    else if constexpr (std::is_arithmetic_v<T>)
        return std::to_string(v);
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        const std::string_view text(v);
        std::string quoted(1, '\'');
        quoted.append(text).push_back('\'');
        return quoted;
    }
    else if constexpr (requires { { traceText(v) } -> std::convertible_to<std::string>; })
        return traceText(v);
    else
        return {};
}

} // namespace detail

template <class T>
class Future : public FutureBase {
    using Stored = std::conditional_t<std::is_void_v<T>, detail::Unit, T>;

public:
    using ValueType = T;

    /// loop.create_future().
    static Ref<Future> create(EventLoop& loop) { return Ref<Future>(new Future(loop, FutureKind::Plain)); }
    /// A future of a given kind (for gather, shield, executor results).
    static Ref<Future> create(EventLoop& loop, FutureKind kind) { return Ref<Future>(new Future(loop, kind)); }

    /// Future.result(): the value, or throws the exception, CancelledError, or
    /// InvalidStateError("Result is not set.").
    decltype(auto) result()
    {
        checkResult();
        if constexpr (!std::is_void_v<T>)
            return static_cast<const T&>(m_value);
    }

    /// Future.set_result(). Throws InvalidStateError("invalid state") if done.
    void setResult()
        requires std::is_void_v<T>
    {
        checkSettable(false);
        storeValue();
        finishWithResult();
    }
    template <class U = Stored>
    void setResult(U&& value)
        requires(!std::is_void_v<T>)
    {
        checkSettable(false);
        storeValue(std::forward<U>(value));
        finishWithResult();
    }

    /// futures._set_result_unless_cancelled: does nothing if already cancelled.
    template <class... U>
    void setResultUnlessCancelled(U&&... value)
    {
        if (!cancelled())
            setResult(std::forward<U>(value)...);
    }

    /// Moves the value out (for a single consumer such as a co::Task awaiting it).
    Stored takeValue()
    {
        checkResult();
        return std::move(m_value);
    }

protected:
    Future(EventLoop& loop, FutureKind kind, FutureId id = 0)
        : FutureBase(loop, kind, id)
    {
    }
    ~Future() override
    {
        if (m_hasValue)
            m_value.~Stored();
    }

    /// Stores a result bypassing the task check (Task<T> finishing its coroutine).
    template <class... U>
    void finishWithValue(U&&... value)
    {
        storeValue(std::forward<U>(value)...);
        finishWithResult();
    }

    std::string describeResult() const override
    {
        if constexpr (std::is_void_v<T>)
            return "None";
        else
            return m_hasValue ? detail::resultText(m_value) : std::string();
    }

private:
    template <class... U>
    void storeValue(U&&... value)
    {
        if (m_hasValue)
            m_value.~Stored();
        new (&m_value) Stored(std::forward<U>(value)...);
        m_hasValue = true;
    }

    // Not std::optional: its flag would round a task up by 8 bytes, past a
    // malloc size class; the flag lives in FutureBase's padding instead.
    union {
        Stored m_value;
    };
};

} // namespace coroscope
