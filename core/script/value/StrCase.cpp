// Case mapping and character-class predicates of str (upper, lower, title,
// isalpha, isdigit...), from the Unicode tables generated from CPython.

#include "core/script/value/Args.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Str.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/Unicode.h"
#include "core/script/value/detail/Utf8.h"

#include <string>

namespace coroscope::pylite {

namespace {

std::u32string decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) out += utf8::next(s, i);
    return out;
}

Ref makeStr(ObjectSpace& space, std::string_view s) { return newStr(space, s); }

/// Lowercase of capital sigma at position i: final (ς) or not (σ), by
/// CPython's Final_Sigma rule.
char32_t lowerSigma(const std::u32string& s, std::size_t i)
{
    std::size_t j = i;
    char32_t c = 0;
    bool found = false;
    while (j > 0) {
        c = s[--j];
        if (!unicode::isCaseIgnorable(c)) {
            found = true;
            break;
        }
    }
    bool finalSigma = found && unicode::isCased(c);
    if (finalSigma && i + 1 < s.size()) {
        std::size_t k = i + 1;
        for (; k < s.size(); ++k) {
            c = s[k];
            if (!unicode::isCaseIgnorable(c)) break;
        }
        finalSigma = k == s.size() || !unicode::isCased(c);
    }
    return finalSigma ? 0x3C2 : 0x3C3;
}

void appendLowerAt(std::string& out, const std::u32string& s, std::size_t i)
{
    if (s[i] == 0x3A3) utf8::append(out, lowerSigma(s, i));
    else unicode::appendLower(out, s[i]);
}

Ref strLower(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.lower")) return Ref();
    StrObject* s = asStr(self);
    if (s->m_ascii) {
        std::string out(s->view());
        for (char& c : out) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return makeStr(space, out);
    }
    std::u32string cps = decode(s->view());
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) appendLowerAt(out, cps, i);
    return makeStr(space, out);
}

Ref strUpper(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.upper")) return Ref();
    std::string_view v = strView(self);
    std::string out;
    for (std::size_t i = 0; i < v.size();) unicode::appendUpper(out, utf8::next(v, i));
    return makeStr(space, out);
}

Ref strCaseFold(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.casefold")) return Ref();
    std::string_view v = strView(self);
    std::string out;
    for (std::size_t i = 0; i < v.size();) unicode::appendCaseFold(out, utf8::next(v, i));
    return makeStr(space, out);
}

Ref strSwapCase(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.swapcase")) return Ref();
    std::u32string cps = decode(strView(self));
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (unicode::isUpper(cps[i])) appendLowerAt(out, cps, i);
        else if (unicode::isLower(cps[i])) unicode::appendUpper(out, cps[i]);
        else utf8::append(out, cps[i]);
    }
    return makeStr(space, out);
}

Ref strTitle(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.title")) return Ref();
    std::u32string cps = decode(strView(self));
    std::string out;
    bool previousCased = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (previousCased) appendLowerAt(out, cps, i);
        else unicode::appendTitle(out, cps[i]);
        previousCased = unicode::isCased(cps[i]);
    }
    return makeStr(space, out);
}

Ref strCapitalize(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.capitalize")) return Ref();
    std::u32string cps = decode(strView(self));
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (i == 0) unicode::appendTitle(out, cps[i]);
        else appendLowerAt(out, cps, i);
    }
    return makeStr(space, out);
}

// --- predicates -----------------------------------------------------------------------------------

template <bool (*Pred)(char32_t)> Ref allOf(ObjectSpace& space, Value self, const CallArgs& args, const char* name)
{
    if (!checkNoArgs(space, args, name)) return Ref();
    std::string_view v = strView(self);
    if (v.empty()) return Ref::boolean(false);
    for (std::size_t i = 0; i < v.size();)
        if (!Pred(utf8::next(v, i))) return Ref::boolean(false);
    return Ref::boolean(true);
}

Ref strIsDigit(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isDigit>(s, v, a, "str.isdigit"); }
Ref strIsDecimal(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isDecimal>(s, v, a, "str.isdecimal"); }
Ref strIsNumeric(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isNumeric>(s, v, a, "str.isnumeric"); }
Ref strIsAlpha(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isAlpha>(s, v, a, "str.isalpha"); }
Ref strIsAlnum(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isAlnum>(s, v, a, "str.isalnum"); }
Ref strIsSpace(ObjectSpace& s, Value v, const CallArgs& a) { return allOf<unicode::isSpace>(s, v, a, "str.isspace"); }

Ref strIsPrintable(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.isprintable")) return Ref();
    std::string_view v = strView(self);
    for (std::size_t i = 0; i < v.size();)
        if (!unicode::isPrintable(utf8::next(v, i))) return Ref::boolean(false);
    return Ref::boolean(true);
}

Ref strIsAscii(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.isascii")) return Ref();
    return Ref::boolean(asStr(self)->m_ascii);
}

Ref strIsUpperLower(ObjectSpace& space, Value self, const CallArgs& args, bool upper)
{
    if (!checkNoArgs(space, args, upper ? "str.isupper" : "str.islower")) return Ref();
    std::string_view v = strView(self);
    bool cased = false;
    for (std::size_t i = 0; i < v.size();) {
        const char32_t c = utf8::next(v, i);
        if ((upper ? unicode::isLower(c) : unicode::isUpper(c)) || unicode::isTitle(c)) return Ref::boolean(false);
        if (upper ? unicode::isUpper(c) : unicode::isLower(c)) cased = true;
    }
    return Ref::boolean(cased);
}

Ref strIsUpper(ObjectSpace& s, Value v, const CallArgs& a) { return strIsUpperLower(s, v, a, true); }
Ref strIsLower(ObjectSpace& s, Value v, const CallArgs& a) { return strIsUpperLower(s, v, a, false); }

Ref strIsTitle(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.istitle")) return Ref();
    std::string_view v = strView(self);
    bool cased = false, previousCased = false;
    for (std::size_t i = 0; i < v.size();) {
        const char32_t c = utf8::next(v, i);
        if (unicode::isUpper(c) || unicode::isTitle(c)) {
            if (previousCased) return Ref::boolean(false);
            previousCased = cased = true;
        } else if (unicode::isLower(c)) {
            if (!previousCased) return Ref::boolean(false);
            previousCased = cased = true;
        } else {
            previousCased = false;
        }
    }
    return Ref::boolean(cased);
}

Ref strIsIdentifier(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "str.isidentifier")) return Ref();
    std::string_view v = strView(self);
    if (v.empty()) return Ref::boolean(false);
    std::size_t i = 0;
    const char32_t first = utf8::next(v, i);
    if (first != '_' && !unicode::isAlpha(first)) return Ref::boolean(false);
    while (i < v.size()) {
        const char32_t c = utf8::next(v, i);
        if (c != '_' && !unicode::isAlnum(c)) return Ref::boolean(false);
    }
    return Ref::boolean(true);
}

} // namespace

namespace detail {

void addStrCaseMethods(ObjectSpace& space)
{
    addMethods(space, space.types().strType,
               {{"lower", strLower},         {"upper", strUpper},         {"casefold", strCaseFold},
                {"swapcase", strSwapCase},   {"title", strTitle},         {"capitalize", strCapitalize},
                {"isdigit", strIsDigit},     {"isdecimal", strIsDecimal}, {"isnumeric", strIsNumeric},
                {"isalpha", strIsAlpha},     {"isalnum", strIsAlnum},     {"isspace", strIsSpace},
                {"isprintable", strIsPrintable}, {"isascii", strIsAscii}, {"isupper", strIsUpper},
                {"islower", strIsLower},     {"istitle", strIsTitle},     {"isidentifier", strIsIdentifier}});
}

} // namespace detail

} // namespace coroscope::pylite
