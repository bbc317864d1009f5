#include "core/runtime/world/detail/JsonValue.h"

#include <cstdlib>
#include <cstring>

namespace coroscope::detail {

namespace {

constexpr int kMaxDepth = 200;

class JsonParser {
public:
    explicit JsonParser(std::string_view text)
        : m_text(text)
    {
    }

    bool document(JsonValue& out, std::string& error)
    {
        skipSpace();
        if (!value(out, 0)) {
            error = m_error;
            return false;
        }
        skipSpace();
        if (m_at != m_text.size()) {
            error = message("unexpected text after the JSON value");
            return false;
        }
        return true;
    }

private:
    std::string message(const char* what) const { return "offset " + std::to_string(m_at) + ": " + what; }
    bool fail(const char* what)
    {
        m_error = message(what);
        return false;
    }
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_at]; }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_at;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word) return fail("expected a JSON value");
        m_at += word.size();
        return true;
    }

    bool value(JsonValue& out, int depth)
    {
        if (depth > kMaxDepth) return fail("nested too deeply");
        switch (peek()) {
        case '{': return object(out, depth);
        case '[': return array(out, depth);
        case '"': out.kind = JsonValue::Kind::String; return string(out.text);
        case 't': out.kind = JsonValue::Kind::Bool; out.boolean = true; return literal("true");
        case 'f': out.kind = JsonValue::Kind::Bool; out.boolean = false; return literal("false");
        case 'n': out.kind = JsonValue::Kind::Null; return literal("null");
        default: return number(out);
        }
    }

    bool object(JsonValue& out, int depth)
    {
        out.kind = JsonValue::Kind::Object;
        ++m_at;
        skipSpace();
        if (peek() == '}') {
            ++m_at;
            return true;
        }
        for (;;) {
            if (peek() != '"') return fail("expected a member name in double quotes");
            std::string key;
            if (!string(key)) return false;
            skipSpace();
            if (peek() != ':') return fail("expected ':'");
            ++m_at;
            skipSpace();
            JsonValue member;
            if (!value(member, depth + 1)) return false;
            out.members.emplace_back(std::move(key), std::move(member));
            skipSpace();
            if (peek() == ',') {
                ++m_at;
                skipSpace();
                continue;
            }
            if (peek() == '}') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool array(JsonValue& out, int depth)
    {
        out.kind = JsonValue::Kind::Array;
        ++m_at;
        skipSpace();
        if (peek() == ']') {
            ++m_at;
            return true;
        }
        for (;;) {
            JsonValue item;
            if (!value(item, depth + 1)) return false;
            out.items.push_back(std::move(item));
            skipSpace();
            if (peek() == ',') {
                ++m_at;
                skipSpace();
                continue;
            }
            if (peek() == ']') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool hex4(unsigned& out)
    {
        if (m_at + 4 > m_text.size()) return fail("expected four hex digits after \\u");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_at++];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') out |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= unsigned(c - 'A' + 10);
            else return fail("expected four hex digits after \\u");
        }
        return true;
    }

    static void appendUtf8(std::string& s, unsigned cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    bool string(std::string& out)
    {
        ++m_at;  // the opening quote
        for (;;) {
            if (atEnd()) return fail("unterminated string");
            const char c = m_text[m_at++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (atEnd()) return fail("unterminated string");
            switch (m_text[m_at++]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.substr(m_at, 2) == "\\u") {
                    const std::size_t save = m_at;
                    m_at += 2;
                    unsigned low = 0;
                    if (!hex4(low)) return false;
                    if (low >= 0xDC00 && low < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        m_at = save;
                }
                appendUtf8(out, cp);
                break;
            }
            default: return fail("unknown escape in a string");
            }
        }
    }

    bool number(JsonValue& out)
    {
        const std::size_t start = m_at;
        auto digits = [&] {
            const std::size_t from = m_at;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_at;
            return m_at > from;
        };
        if (peek() == '-') ++m_at;
        if (peek() == '0') ++m_at;
        else if (!digits()) return fail("expected a JSON value");
        if (peek() == '.') {
            ++m_at;
            if (!digits()) return fail("expected digits after '.'");
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_at;
            if (peek() == '+' || peek() == '-') ++m_at;
            if (!digits()) return fail("expected digits in the exponent");
        }
        const std::string token(m_text.substr(start, m_at - start));
        out.kind = JsonValue::Kind::Number;
        out.number = std::strtod(token.c_str(), nullptr);
        return true;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    std::string m_error;
};

} // namespace

const JsonValue* JsonValue::find(std::string_view key) const
{
    const JsonValue* found = nullptr;
    for (const auto& [name, value] : members)
        if (name == key) found = &value;
    return found;
}

bool parseJson(std::string_view text, JsonValue& out, std::string& error)
{
    out = JsonValue();
    return JsonParser(text).document(out, error);
}

} // namespace coroscope::detail
