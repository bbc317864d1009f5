#pragma once
// DecimalText: an integer kept as decimal text, for exporters that write
// the same or the next number on every record (an event index, the loop
// clock): copying bytes is cheaper than formatting each time.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace coroscope::detail {

class DecimalText {
public:
    /// Bytes store() writes: the digits, then filler the caller overwrites.
    static constexpr std::size_t kRoom = 24;

    DecimalText() { set(0); }

    void set(std::int64_t value)
    {
        m_len = std::size_t(std::to_chars(m_digits, m_digits + kRoom, value).ptr - m_digits);
    }
    /// Adds one. Only for non-negative values.
    void increment()
    {
        std::size_t p = m_len;
        while (p > 0 && m_digits[p - 1] == '9')
            m_digits[--p] = '0';
        if (p > 0) {
            ++m_digits[p - 1];
            return;
        }
        std::memmove(m_digits + 1, m_digits, m_len);
        m_digits[0] = '1';
        ++m_len;
    }
    /// Stores kRoom bytes at `d`, the digits first; returns the end of the digits.
    char* store(char* d) const
    {
        std::memcpy(d, m_digits, kRoom);
        return d + m_len;
    }
    std::size_t size() const { return m_len; }

private:
    char m_digits[kRoom] = {};
    std::size_t m_len = 0;
};

} // namespace coroscope::detail
