#pragma once
// Ref: an owning handle to a Value (RAII). Copying increfs, destruction
// decrefs. Functions of the object model return Ref; a null Ref means
// failure with a pending exception on the ObjectSpace (see ObjectSpace.h).
// Raw Values are borrowed: valid only while some owner keeps them alive.

#include "core/script/value/Object.h"

#include <utility>

namespace coroscope::pylite {

class Ref {
public:
    Ref() = default;
    /// Adopts a reference the caller already owns (no incref).
    static Ref steal(Value v) { Ref r; r.m_v = v; return r; }
    static Ref steal(Object* o) { return steal(Value::fromObject(o)); }
    /// Takes a new reference to a borrowed value (incref).
    static Ref borrow(Value v) { incref(v); return steal(v); }
    static Ref borrow(Object* o) { return borrow(Value::fromObject(o)); }
    static Ref none() { return steal(Value::none()); }
    static Ref boolean(bool b) { return steal(Value::boolean(b)); }
    static Ref notImplemented() { return steal(Value::notImplemented()); }

    Ref(const Ref& o) : m_v(o.m_v) { incref(m_v); }
    Ref(Ref&& o) noexcept : m_v(o.m_v) { o.m_v = Value(); }
    Ref& operator=(const Ref& o)
    {
        Ref tmp(o);
        std::swap(m_v, tmp.m_v);
        return *this;
    }
    Ref& operator=(Ref&& o) noexcept
    {
        Ref tmp(std::move(o));
        std::swap(m_v, tmp.m_v);
        return *this;
    }
    ~Ref() { decref(m_v); }

    /// The borrowed word (stays owned by this Ref).
    Value get() const { return m_v; }
    Value operator*() const { return m_v; }
    explicit operator bool() const { return !m_v.isNull(); }
    bool isNull() const { return m_v.isNull(); }
    Object* object() const { return m_v.object(); }
    template <class T> T* as() const { return static_cast<T*>(m_v.object()); }

    /// Gives up ownership: the caller now owns the returned reference.
    Value release()
    {
        Value v = m_v;
        m_v = Value();
        return v;
    }
    /// Drops the current reference (if any) and adopts `owned`.
    void reset(Value owned = Value())
    {
        Value old = m_v;
        m_v = owned;
        decref(old);
    }

private:
    Value m_v;
};

} // namespace coroscope::pylite
