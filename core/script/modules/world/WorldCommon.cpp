#include "core/script/modules/world/WorldCommon.h"

#include "core/script/modules/asyncio/AsyncioCommon.h"
#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/TypeObject.h"
#include "core/script/vm/Vm.h"

#include <cmath>
#include <cstdlib>

namespace coroscope::pylite::detail {

Value WorldState::type(std::string_view name) const
{
    auto it = types.find(name);
    return it == types.end() ? Value() : it->second.get();
}

Ref newWorldModule(Vm& vm, std::string_view name, WorldState*& state, Ref& stateBox)
{
    ObjectSpace& space = vm.space();
    Ref asyncio = vm.importModule("asyncio");
    if (!asyncio) return Ref();
    Value box = dictGetStr(space, moduleDict(asyncio.get()), kStateKey);
    auto* ast = static_cast<AsyncioState*>(nativePayload(space, Value::fromObject(space.typeOf(box)), box));
    Ref module = newModule(space, name);
    Ref boxType = module ? newNativeBoxType(space, "world_state") : Ref();
    if (!boxType) return Ref();
    auto owned = std::make_unique<WorldState>(vm, *ast);
    state = owned.get();
    stateBox = newNativeBox(space, boxType.get(), std::move(owned));
    if (!stateBox || !dictSetStr(space, moduleDict(module.get()), kWorldStateKey, stateBox.get())) return Ref();
    return module;
}

Ref makeWorldClass(WorldState& st, const char* name, Value base, const char* module)
{
    ObjectSpace& space = st.vm.space();
    Ref bases = newTupleOf(space, {base});
    Ref ns = newDict(space);
    Ref mod = newStr(space, module);
    if (!bases || !ns || !mod) return Ref();
    dictSetStr(space, ns.as<DictObject>(), "__module__", mod.get());
    dictSetStr(space, ns.as<DictObject>(), kWorldStateKey,
               Value::smallInt(std::int64_t(reinterpret_cast<std::uintptr_t>(&st))));
    Ref cls = newClass(space, name, bases.get(), ns.get());
    if (!cls) return Ref();
    st.types[name] = cls;
    return cls;
}

WorldState* worldOfInstance(ObjectSpace& space, Value self)
{
    Value addr = lookupInMro(space, space.typeOf(self), kWorldStateKey);
    if (!addr || !addr.isSmallInt()) return nullptr;
    return reinterpret_cast<WorldState*>(std::uintptr_t(addr.smallIntValue()));
}

WorldState* worldOfFunction(ObjectSpace& space, Value self)
{
    return static_cast<WorldState*>(nativePayload(space, Value::fromObject(space.typeOf(self)), self));
}

bool addWorldFunctions(WorldState& st, DictObject* module, Value stateBox, std::string_view moduleName,
                       std::initializer_list<std::pair<const char*, NativeFn>> fns)
{
    ObjectSpace& space = st.vm.space();
    Ref name = newStr(space, moduleName);
    if (!name) return false;
    for (const auto& [fnName, fn] : fns) {
        Ref f = newBuiltinFunction(space, fnName, fn, stateBox, name.get());
        if (!f || !dictSetStr(space, module, fnName, f.get())) return false;
    }
    return true;
}

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

Ref headersDict(ObjectSpace& space, const Endpoint& endpoint, std::size_t bodySize)
{
    Ref d = newDict(space);
    Ref type = newStr(space, endpoint.contentType);
    Ref length = newStr(space, std::to_string(bodySize));
    Ref server = newStr(space, "coroscope-world");
    if (!d || !type || !length || !server) return Ref();
    DictObject* dict = d.as<DictObject>();
    if (!dictSetStr(space, dict, "Content-Type", type.get()) ||
        !dictSetStr(space, dict, "Content-Length", length.get()) || !dictSetStr(space, dict, "Server", server.get()))
        return Ref();
    return d;
}

namespace {

/// A small JSON reader producing pylite values (json.loads for reply bodies).
class JsonReader {
public:
    JsonReader(ObjectSpace& space, std::string_view text) : m_space(space), m_text(text) {}

    Ref read()
    {
        Ref v = value();
        if (!v) return Ref();
        skipSpace();
        if (m_pos != m_text.size()) return fail("Extra data");
        return v;
    }
    std::string error;

private:
    Ref fail(const char* what)
    {
        if (error.empty()) {
            std::size_t line = 1, column = 1;
            for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
                if (m_text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            error = std::string(what) + ": line " + std::to_string(line) + " column " + std::to_string(column) +
                    " (char " + std::to_string(m_pos) + ")";
        }
        return Ref();
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }
    Ref value()
    {
        skipSpace();
        if (m_pos >= m_text.size()) return fail("Expecting value");
        const char c = m_text[m_pos];
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        if (literal("true")) return Ref::borrow(Value::trueValue());
        if (literal("false")) return Ref::borrow(Value::falseValue());
        if (literal("null")) return Ref::none();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return fail("Expecting value");
    }
    Ref number()
    {
        const std::size_t start = m_pos;
        bool isFloat = false;
        if (m_text[m_pos] == '-') ++m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c >= '0' && c <= '9') {
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && isFloat)) {
                isFloat = true;
                ++m_pos;
            } else {
                break;
            }
        }
        const std::string digits(m_text.substr(start, m_pos - start));
        if (digits == "-") {
            m_pos = start;
            return fail("Expecting value");
        }
        if (isFloat) return newFloat(m_space, std::strtod(digits.c_str(), nullptr));
        return newInt(m_space, std::strtoll(digits.c_str(), nullptr, 10));
    }
    bool rawString(std::string& out)
    {
        ++m_pos; // the opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (m_pos >= m_text.size()) break;
            c = m_text[m_pos++];
            switch (c) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'u': {
                if (m_pos + 4 > m_text.size()) return false;
                const unsigned cp = unsigned(std::strtoul(std::string(m_text.substr(m_pos, 4)).c_str(), nullptr, 16));
                m_pos += 4;
                if (cp < 0x80) {
                    out.push_back(char(cp));
                } else if (cp < 0x800) {
                    out.push_back(char(0xC0 | (cp >> 6)));
                    out.push_back(char(0x80 | (cp & 0x3F)));
                } else {
                    out.push_back(char(0xE0 | (cp >> 12)));
                    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
                    out.push_back(char(0x80 | (cp & 0x3F)));
                }
                break;
            }
            default: out.push_back(c); break;
            }
        }
        if (m_pos >= m_text.size()) return false;
        ++m_pos; // the closing quote
        return true;
    }
    Ref string()
    {
        std::string s;
        if (!rawString(s)) return fail("Unterminated string starting at");
        return newStr(m_space, s);
    }
    Ref array()
    {
        ++m_pos;
        Ref list = newList(m_space);
        if (!list) return Ref();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return list;
        }
        for (;;) {
            Ref item = value();
            if (!item || !listAppend(m_space, list.as<ListObject>(), item.get())) return Ref();
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                ++m_pos;
                return list;
            }
            return fail("Expecting ',' delimiter");
        }
    }
    Ref object()
    {
        ++m_pos;
        Ref dict = newDict(m_space);
        if (!dict) return Ref();
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return dict;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                return fail("Expecting property name enclosed in double quotes");
            std::string key;
            if (!rawString(key)) return fail("Unterminated string starting at");
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') return fail("Expecting ':' delimiter");
            ++m_pos;
            Ref item = value();
            if (!item || !dictSetStr(m_space, dict.as<DictObject>(), key, item.get())) return Ref();
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                ++m_pos;
                return dict;
            }
            return fail("Expecting ',' delimiter");
        }
    }

    ObjectSpace& m_space;
    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

Ref parseJson(ObjectSpace& space, std::string_view text, Value errorType)
{
    JsonReader reader(space, text);
    Ref v = reader.read();
    if (v || space.hasError()) return v;
    TypeObject* type = errorType ? static_cast<TypeObject*>(errorType.object()) : space.types().ValueError;
    return space.raise(type, reader.error);
}

bool toNanos(ObjectSpace& space, Value seconds, Nanos& out)
{
    double s;
    if (!toDouble(space, seconds, s)) return false;
    out = Nanos(std::llround(s * 1e9));
    return true;
}

Value keywordArg(const CallArgs& args, std::string_view name)
{
    for (std::size_t k = 0; k < args.keywordCount(); ++k)
        if (strView(args.keywordName(k)) == name) return args.keywordValue(k);
    return Value();
}

} // namespace coroscope::pylite::detail
