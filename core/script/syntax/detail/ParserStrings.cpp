// ParserImpl: string literals — escapes, implicit concatenation and the
// f-string mini-language, following CPython 3.11's Parser/string_parser.c
// (f-string fields are compiled by a nested ParserImpl on "(expr)", as
// fstring_compile_expr does, so errors and positions match).
#include "core/script/syntax/detail/ParserImpl.h"

#include "core/script/syntax/detail/Unicode.h"

namespace coroscope::syntax::detail {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct Prefix {
    bool bytes = false;
    bool raw = false;
    bool f = false;
    std::size_t quoteLen = 1;
    std::size_t prefixLen = 0;
};

Prefix readPrefix(std::string_view tok)
{
    Prefix p;
    while (p.prefixLen < tok.size() && tok[p.prefixLen] != '\'' && tok[p.prefixLen] != '"') {
        const char c = static_cast<char>(tok[p.prefixLen] | 0x20);
        if (c == 'b')
            p.bytes = true;
        else if (c == 'r')
            p.raw = true;
        else if (c == 'f')
            p.f = true;
        ++p.prefixLen;
    }
    const char q = tok[p.prefixLen];
    if (tok.size() >= p.prefixLen + 6 && tok[p.prefixLen + 1] == q && tok[p.prefixLen + 2] == q)
        p.quoteLen = 3;
    return p;
}

// Decodes the escapes of a str literal body like CPython's
// decode_unicode_with_escapes. On error returns the "(unicode error) ..."
// message; positions count CPython's intermediate buffer, where every
// non-ASCII character became a 10-byte "\UXXXXXXXX".
std::string decodeStr(std::string_view s, std::string& out)
{
    std::size_t tpos = 0;  // position in CPython's transformed buffer
    std::size_t i = 0;
    auto fail = [&](std::size_t startPos, std::size_t endPos, const char* why) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(startPos) +
               "-" + std::to_string(endPos - 1) + ": " + why;
    };
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c != '\\') {
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++i;
                ++tpos;
            } else {
                std::uint32_t cp;
                int n = decodeUtf8(s, i, cp);
                if (n == 0)
                    n = 1;
                out.append(s.substr(i, n));
                i += n;
                tpos += 10;
            }
            continue;
        }
        const std::size_t escStart = tpos;
        ++i;
        ++tpos;
        if (i >= s.size() || static_cast<unsigned char>(s[i]) >= 0x80) {
            out += '\\';  // "\u005c" in CPython's buffer
            tpos += 5;
            continue;
        }
        const char e = s[i++];
        ++tpos;
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            std::uint32_t v = static_cast<std::uint32_t>(e - '0');
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
                v = v * 8 + static_cast<std::uint32_t>(s[i++] - '0');
                ++tpos;
            }
            appendUtf8(out, v);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            const int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            std::uint32_t v = 0;
            for (int k = 0; k < count; ++k) {
                if (i >= s.size() || static_cast<unsigned char>(s[i]) >= 0x80 || hexValue(s[i]) < 0) {
                    const char* why = e == 'x' ? "truncated \\xXX escape"
                                      : e == 'u' ? "truncated \\uXXXX escape"
                                                 : "truncated \\UXXXXXXXX escape";
                    return fail(escStart, tpos, why);
                }
                v = v * 16 + static_cast<std::uint32_t>(hexValue(s[i++]));
                ++tpos;
            }
            if (v > 0x10FFFF)
                return fail(escStart, tpos, "illegal Unicode character");
            appendUtf8(out, v);
            break;
        }
        case 'N': {
            if (i < s.size() && s[i] == '{') {
                const std::size_t nameStart = i + 1;
                std::size_t j = nameStart;
                std::size_t tj = tpos + 1;
                while (j < s.size() && s[j] != '}') {
                    tj += static_cast<unsigned char>(s[j]) >= 0x80 ? ((s[j] & 0xC0) != 0x80 ? 10 : 0) : 1;
                    ++j;
                }
                if (j < s.size() && j > nameStart) {
                    std::uint32_t cp;
                    if (lookupCharacterName(s.substr(nameStart, j - nameStart), cp)) {
                        appendUtf8(out, cp);
                        i = j + 1;
                        tpos = tj + 1;
                        break;
                    }
                    return fail(escStart, tj + 1, "unknown Unicode character name");
                }
                return fail(escStart, j < s.size() ? tpos + 1 : tj, "malformed \\N character escape");
            }
            return fail(escStart, tpos, "malformed \\N character escape");
        }
        default:
            out += '\\';
            out += e;
            break;
        }
    }
    return {};
}

// CPython's _PyBytes_DecodeEscape. Returns the "(value error) ..." message
// on error.
std::string decodeBytes(std::string_view s, std::string& out)
{
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '\\') {
            out += s[i++];
            continue;
        }
        const std::size_t escStart = i;
        ++i;
        const char e = s[i++];
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = static_cast<unsigned>(e - '0');
            for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k)
                v = v * 8 + static_cast<unsigned>(s[i++] - '0');
            out += static_cast<char>(v & 0xFF);
            break;
        }
        case 'x':
            if (i + 1 < s.size() + 1 && i + 2 <= s.size() && hexValue(s[i]) >= 0 && hexValue(s[i + 1]) >= 0) {
                out += static_cast<char>(hexValue(s[i]) * 16 + hexValue(s[i + 1]));
                i += 2;
                break;
            }
            return "(value error) invalid \\x escape at position " + std::to_string(escStart);
        default:
            out += '\\';
            out += e;
            break;
        }
    }
    return {};
}

} // namespace

void ParserImpl::flushLiteral(std::string& literal, std::vector<Expr*>& parts, const Location& loc)
{
    if (literal.empty())
        return;
    auto* c = newExpr<ConstantExpr>(ExprKind::Constant, loc);
    c->value = ConstantKind::Str;
    c->text = m_arena.copyString(literal);
    c->uPrefix = m_tokens[m_stringRunStart].kind == TokenKind::String && text(m_tokens[m_stringRunStart])[0] == 'u';
    parts.push_back(c);
    literal.clear();
}

// strings: STRING+ (implicit concatenation of str, bytes and f-strings).
Expr* ParserImpl::parseStrings()
{
    const std::size_t start = m_pos;
    std::vector<Token> toks;
    while (at(TokenKind::String))
        toks.push_back(take());
    const std::size_t savedRun = m_stringRunStart;
    m_stringRunStart = start;
    const Location loc = extra(start);
    bool bytesMode = false;
    bool fmode = false;
    std::string bytes;
    std::string literal;
    std::vector<Expr*> parts;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string_view tok = text(toks[i]);
        const Prefix p = readPrefix(tok);
        const std::string_view body =
            tok.substr(p.prefixLen + p.quoteLen, tok.size() - p.prefixLen - 2 * p.quoteLen);
        if (p.f) {
            if (i != 0 && bytesMode)
                errorLastToken("cannot mix bytes and nonbytes literals");
            fmode = true;
            parseFString(body, toks[i], p.raw, 0, parts, literal, loc, p.prefixLen + p.quoteLen);
            continue;
        }
        const bool raw = p.raw || body.find('\\') == std::string_view::npos;
        std::string decoded;
        if (p.bytes) {
            for (char c : tok)
                if (static_cast<unsigned char>(c) >= 0x80)
                    errorLastToken("bytes can only contain ASCII literal characters");
            if (raw) {
                decoded.assign(body);
            } else {
                const std::string err = decodeBytes(body, decoded);
                if (!err.empty())
                    errorLastToken(err);
            }
        } else if (raw) {
            decoded.assign(body);
        } else {
            const std::string err = decodeStr(body, decoded);
            if (!err.empty())
                errorLastToken(err);
        }
        if (i != 0 && bytesMode != p.bytes)
            errorLastToken("cannot mix bytes and nonbytes literals");
        bytesMode = p.bytes;
        if (bytesMode)
            bytes += decoded;
        else
            literal += decoded;
    }
    Expr* result;
    if (bytesMode) {
        auto* c = newExpr<ConstantExpr>(ExprKind::Constant, loc);
        c->value = ConstantKind::Bytes;
        c->text = m_arena.copyString(bytes);
        result = c;
    } else if (!fmode) {
        auto* c = newExpr<ConstantExpr>(ExprKind::Constant, loc);
        c->value = ConstantKind::Str;
        c->text = m_arena.copyString(literal);
        c->uPrefix = text(toks[0])[0] == 'u';
        result = c;
    } else {
        flushLiteral(literal, parts, loc);
        auto* j = newExpr<JoinedStrExpr>(ExprKind::JoinedStr, loc);
        j->values = span(parts);
        setDepth(j, j->values);
        result = j;
    }
    m_stringRunStart = savedRun;
    return result;
}

// One f-string body (or a format spec when depth > 0): fstring_find_literal
// and fstring_find_expr of string_parser.c. `pos` indexes `body`; the body
// starts `bodyOffset` bytes into the token's text.
void ParserImpl::parseFString(std::string_view body, const Token& t, bool raw, int depth, std::vector<Expr*>& parts,
                              std::string& literal, const Location& loc, std::size_t bodyOffset)
{
    std::size_t pos = 0;
    parseFStringFrom(body, pos, t, raw, depth, parts, literal, loc, bodyOffset);
}

void ParserImpl::parseFStringFrom(std::string_view body, std::size_t& pos, const Token& t, bool raw, int depth,
                                  std::vector<Expr*>& parts, std::string& literal, const Location& loc,
                                  std::size_t bodyOffset)
{
    const std::size_t end = body.size();
    for (;;) {
        // Literal text up to an undoubled brace.
        const std::size_t litStart = pos;
        std::size_t litEnd;
        bool doubled = false;
        for (;;) {
            if (pos >= end) {
                litEnd = pos;
                break;
            }
            char ch = body[pos++];
            if (!raw && ch == '\\' && pos < end) {
                ch = body[pos++];
                if (ch == 'N') {
                    if (pos < end && body[pos++] == '{') {
                        while (pos < end && body[pos++] != '}') {
                        }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (depth == 0) {
                    if (pos < end && body[pos] == ch) {
                        litEnd = pos;
                        ++pos;
                        doubled = true;
                        break;
                    }
                    if (ch == '}')
                        errorLastToken("f-string: single '}' is not allowed");
                }
                --pos;
                litEnd = pos;
                break;
            }
        }
        if (litEnd > litStart) {
            const std::string_view chunk = body.substr(litStart, litEnd - litStart);
            if (raw) {
                literal.append(chunk);
            } else {
                std::string decoded;
                const std::string err = decodeStr(chunk, decoded);
                if (!err.empty())
                    errorLastToken(err);
                literal += decoded;
            }
        }
        if (doubled)
            continue;
        if (pos >= end || body[pos] == '}')
            break;
        parseFStringField(body, pos, t, raw, depth, parts, literal, loc, bodyOffset);
    }
    if (depth != 0 && (pos >= end || body[pos] != '}'))
        errorLastToken("f-string: expecting '}'");
}

void ParserImpl::parseFStringField(std::string_view body, std::size_t& pos, const Token& t, bool raw, int depth,
                                   std::vector<Expr*>& parts, std::string& literal, const Location& loc,
                                   std::size_t bodyOffset)
{
    const std::size_t end = body.size();
    if (depth >= 2)
        errorLastToken("f-string: expressions nested too deeply");
    const std::size_t brace = pos;
    ++pos;
    const std::size_t exprStart = pos;
    char quote = 0;
    int stringType = 0;
    std::vector<char> parens;
    while (pos < end) {
        const char ch = body[pos];
        if (ch == '\\')
            errorLastToken("f-string expression part cannot include a backslash");
        if (quote != 0) {
            if (ch == quote) {
                if (stringType == 3) {
                    if (pos + 2 < end && body[pos + 1] == ch && body[pos + 2] == ch) {
                        pos += 3;
                        quote = 0;
                        stringType = 0;
                        continue;
                    }
                } else {
                    ++pos;
                    quote = 0;
                    stringType = 0;
                    continue;
                }
            }
            ++pos;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (pos + 2 < end && body[pos + 1] == ch && body[pos + 2] == ch) {
                stringType = 3;
                pos += 2;
            } else {
                stringType = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (parens.size() >= 200)
                errorLastToken("f-string: too many nested parenthesis");
            parens.push_back(ch);
        } else if (ch == '#') {
            errorLastToken("f-string expression part cannot include '#'");
        } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (pos + 1 < end) {
                const char next = body[pos + 1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
                    (ch == '>' && next == '=')) {
                    pos += 2;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') {
                ++pos;
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (parens.empty())
                errorLastToken(std::string("f-string: unmatched '") + ch + "'");
            const char open = parens.back();
            parens.pop_back();
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
                errorLastToken(std::string("f-string: closing parenthesis '") + ch +
                               "' does not match opening parenthesis '" + open + "'");
        }
        ++pos;
    }
    const std::size_t exprEnd = pos;
    if (quote != 0)
        errorLastToken("f-string: unterminated string");
    if (!parens.empty())
        errorLastToken(std::string("f-string: unmatched '") + parens.back() + "'");
    if (pos >= end)
        errorLastToken("f-string: expecting '}'");

    Expr* value = compileFStringField(body.substr(exprStart, exprEnd - exprStart), body[exprEnd], t,
                                      bodyOffset + brace);

    bool debugText = false;
    if (body[pos] == '=') {
        debugText = true;
        ++pos;
        while (pos < end && (body[pos] == ' ' || body[pos] == '\t' || body[pos] == '\n' || body[pos] == '\r' ||
                             body[pos] == '\f' || body[pos] == '\v'))
            ++pos;
        if (pos >= end)
            errorLastToken("f-string: expecting '}'");
        literal.append(body.substr(exprStart, pos - exprStart));
    }
    int conversion = -1;
    if (body[pos] == '!') {
        ++pos;
        if (pos >= end)
            errorLastToken("f-string: expecting '}'");
        conversion = static_cast<unsigned char>(body[pos++]);
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            errorLastToken("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    Expr* spec = nullptr;
    if (pos >= end)
        errorLastToken("f-string: expecting '}'");
    if (body[pos] == ':') {
        ++pos;
        if (pos >= end)
            errorLastToken("f-string: expecting '}'");
        std::vector<Expr*> specParts;
        std::string specLiteral;
        parseFStringFrom(body, pos, t, raw, depth + 1, specParts, specLiteral, loc, bodyOffset);
        // _PyPegen_FstringParser_Finish(p, &state, t, t): the spec and its
        // trailing literal are positioned at this token, not the whole run.
        const Location tokenLoc{t.line, t.col, t.endLine, t.endCol};
        flushLiteral(specLiteral, specParts, tokenLoc);
        auto* j = newExpr<JoinedStrExpr>(ExprKind::JoinedStr, tokenLoc);
        j->values = span(specParts);
        setDepth(j, j->values);
        spec = j;
    }
    if (pos >= end || body[pos] != '}')
        errorLastToken("f-string: expecting '}'");
    ++pos;
    if (debugText && spec == nullptr && conversion == -1)
        conversion = 'r';
    flushLiteral(literal, parts, loc);
    auto* fv = newExpr<FormattedValueExpr>(ExprKind::FormattedValue, loc);
    fv->value = value;
    fv->conversion = conversion;
    fv->formatSpec = spec;
    setDepth(fv, {value, spec});
    parts.push_back(fv);
}

// fstring_compile_expr: parse "(expr)" with a nested parser whose tokens
// carry real file positions. `braceOffset` is the '{' offset in t's text.
Expr* ParserImpl::compileFStringField(std::string_view expr, char terminator, const Token& t, std::size_t braceOffset)
{
    std::size_t k = 0;
    while (k < expr.size() && (expr[k] == ' ' || expr[k] == '\t' || expr[k] == '\n' || expr[k] == '\f'))
        ++k;
    if (k == expr.size()) {
        if (terminator == '!' || terminator == ':' || terminator == '=')
            errorLastToken(std::string("f-string: expression required before '") + terminator + "'");
        errorLastToken("f-string: empty expression not allowed");
    }
    const std::string_view tok = text(t);
    int lines = 0;
    std::size_t lastNewline = std::string_view::npos;
    for (std::size_t i = 0; i < braceOffset; ++i)
        if (tok[i] == '\n') {
            ++lines;
            lastNewline = i;
        }
    bool newlineAfterBrace = true;
    for (std::size_t i = braceOffset + 1; i < tok.size() && tok[i] != '}' && tok[i] != '\n'; ++i)
        if (tok[i] != ' ' && tok[i] != '\t' && tok[i] != '\f') {
            newlineAfterBrace = false;
            break;
        }
    int cols = 0;
    if (!newlineAfterBrace)
        cols = lastNewline == std::string_view::npos ? static_cast<int>(braceOffset)
                                                     : static_cast<int>(braceOffset - lastNewline - 1);
    Config config;
    config.filename = m_config.filename;
    config.fstring = true;
    config.lineOffset = t.line + lines - 1;
    config.colShift = lines != 0 ? cols : t.col + cols;
    config.levelBase = m_config.levelBase + m_level;
    config.blockDepthBase = m_blockDepth - 1;
    std::string source;
    source.reserve(expr.size() + 2);
    source += '(';
    source.append(expr);
    source += ')';
    ParserImpl sub(m_arena, source, config);
    Expr* e = sub.parseFStringExpression();
    if (e == nullptr) {
        if (sub.error().type == "MemoryError" || m_suppressSpecial == 0) {
            m_error = sub.error();
            m_failed = true;
            throw ParseAbort{};
        }
        throw SpeculationFail{};
    }
    m_maxDepth = std::max(m_maxDepth, sub.m_maxDepth);
    return e;
}

Expr* ParserImpl::parseFStringExpression()
{
    try {
        Expr* e = parseStarExpressions();
        return e;
    } catch (const ParseAbort&) {
        if (m_error.type != "MemoryError" && !m_lexerDone)
            finishAfterParserError();
        return nullptr;
    }
}

} // namespace coroscope::syntax::detail
