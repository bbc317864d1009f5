// Lexer: names, numbers, strings and operators (the part of
// Parser/tokenizer.c's tok_get after line handling).
#include "core/script/syntax/Lexer.h"

#include "core/script/syntax/detail/Unicode.h"

namespace coroscope::syntax {

namespace {

constexpr int kEof = -1;

bool isDigit(int c) { return c >= '0' && c <= '9'; }
bool isHexDigit(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isAsciiLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isNameChar(int c) { return isAsciiLetter(c) || isDigit(c) || c == '_' || c >= 128; }

TokenKind keywordKind(std::string_view text)
{
    static constexpr std::pair<std::string_view, TokenKind> kWords[] = {
        {"False", TokenKind::KwFalse},       {"None", TokenKind::KwNone},
        {"True", TokenKind::KwTrue},         {"and", TokenKind::KwAnd},
        {"as", TokenKind::KwAs},             {"assert", TokenKind::KwAssert},
        {"async", TokenKind::KwAsync},       {"await", TokenKind::KwAwait},
        {"break", TokenKind::KwBreak},       {"class", TokenKind::KwClass},
        {"continue", TokenKind::KwContinue}, {"def", TokenKind::KwDef},
        {"del", TokenKind::KwDel},           {"elif", TokenKind::KwElif},
        {"else", TokenKind::KwElse},         {"except", TokenKind::KwExcept},
        {"finally", TokenKind::KwFinally},   {"for", TokenKind::KwFor},
        {"from", TokenKind::KwFrom},         {"global", TokenKind::KwGlobal},
        {"if", TokenKind::KwIf},             {"import", TokenKind::KwImport},
        {"in", TokenKind::KwIn},             {"is", TokenKind::KwIs},
        {"lambda", TokenKind::KwLambda},     {"nonlocal", TokenKind::KwNonlocal},
        {"not", TokenKind::KwNot},           {"or", TokenKind::KwOr},
        {"pass", TokenKind::KwPass},         {"raise", TokenKind::KwRaise},
        {"return", TokenKind::KwReturn},     {"try", TokenKind::KwTry},
        {"while", TokenKind::KwWhile},       {"with", TokenKind::KwWith},
        {"yield", TokenKind::KwYield},
    };
    if (text.size() < 2 || text.size() > 8)
        return TokenKind::Name;
    for (const auto& [word, kind] : kWords)
        if (word == text)
            return kind;
    return TokenKind::Name;
}

} // namespace

Token Lexer::scanIdentifier(std::size_t start)
{
    // String prefixes: b, r, u, f and the legal pairs (br, rb, fr, rf) in
    // any case, exactly as tok_get accepts them.
    bool sawB = false, sawR = false, sawU = false, sawF = false;
    m_pos = start;
    for (;;) {
        const char c = m_src[m_pos];
        if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B'))
            sawB = true;
        else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'))
            sawU = true;
        else if (!(sawR || sawU) && (c == 'r' || c == 'R'))
            sawR = true;
        else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F'))
            sawF = true;
        else
            break;
        ++m_pos;
        if (m_src[m_pos] == '"' || m_src[m_pos] == '\'')
            return scanString(start, m_pos);
    }
    bool nonAscii = false;
    while (m_pos < m_src.size() && isNameChar(static_cast<unsigned char>(m_src[m_pos]))) {
        if (static_cast<unsigned char>(m_src[m_pos]) >= 128)
            nonAscii = true;
        ++m_pos;
    }
    if (nonAscii && !verifyIdentifier(start))
        return m_errorToken;
    const std::string_view word = std::string_view(m_src).substr(start, m_pos - start);
    return makeToken(keywordKind(word), start, m_pos);
}

bool Lexer::verifyIdentifier(std::size_t start)
{
    std::size_t i = start;
    bool first = true;
    while (i < m_pos) {
        std::uint32_t cp = 0;
        int n = detail::decodeUtf8(m_src, i, cp);
        if (n == 0) {
            cp = static_cast<unsigned char>(m_src[i]);
            n = 1;
        }
        bool ok;
        if (cp < 128)
            ok = isAsciiLetter(static_cast<int>(cp)) || cp == '_' || (!first && isDigit(static_cast<int>(cp)));
        else
            ok = first ? detail::isIdStart(cp) : detail::isIdContinue(cp);
        if (!ok) {
            m_pos = i + n;
            if (detail::isPrintable(cp)) {
                std::string ch;
                detail::appendUtf8(ch, cp);
                failAtCursor("invalid character '" + ch + "' (U+" + hex4(cp) + ")");
            } else {
                failAtCursor("invalid non-printable character U+" + hex4(cp));
            }
            return false;
        }
        first = false;
        i += n;
    }
    return true;
}

std::string Lexer::hex4(std::uint32_t cp)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (int shift = 28; shift >= 0; shift -= 4) {
        const int d = (cp >> shift) & 0xF;
        if (d != 0 || !out.empty() || shift < 16)
            out += digits[d];
    }
    return out;
}

int Lexer::nextc()
{
    if (m_pos >= m_src.size()) {
        ++m_pos;
        return kEof;
    }
    return static_cast<unsigned char>(m_src[m_pos++]);
}

// CPython's verify_end_of_number(): a literal directly followed by a
// keyword that may legally follow it ("1if x else y") is accepted; one
// followed by any other name character is an error.
bool Lexer::verifyEndOfNumber(int c, const char* kind)
{
    auto lookahead = [&](std::string_view rest) {
        std::size_t p = m_pos;
        for (char want : rest) {
            if (p >= m_src.size() || m_src[p] != want)
                return false;
            ++p;
        }
        return p >= m_src.size() || !isNameChar(static_cast<unsigned char>(m_src[p]));
    };
    bool keyword = false;
    switch (c) {
    case 'a': keyword = lookahead("nd"); break;
    case 'e': keyword = lookahead("lse"); break;
    case 'f': keyword = lookahead("or"); break;
    case 'o': keyword = lookahead("r"); break;
    case 'n': keyword = lookahead("ot"); break;
    case 'i': {
        const char c2 = m_pos < m_src.size() ? m_src[m_pos] : '\0';
        keyword = c2 == 'f' || c2 == 'n' || c2 == 's';
        break;
    }
    default: break;
    }
    if (keyword)
        return true;
    if (c != kEof && isNameChar(c)) {
        --m_pos;
        failAtCursor(std::string("invalid ") + kind + " literal");
        return false;
    }
    return true;
}

// tok_decimal_tail(): digits with single underscores between them. `c`
// receives the first character after the digits.
bool Lexer::decimalTail(int& c)
{
    for (;;) {
        do {
            c = nextc();
        } while (isDigit(c));
        if (c != '_')
            return true;
        c = nextc();
        if (!isDigit(c)) {
            --m_pos;
            failAtCursor("invalid decimal literal");
            return false;
        }
    }
}

Token Lexer::scanNumber(std::size_t start)
{
    m_pos = start;
    int c = nextc();
    auto finish = [&]() {
        --m_pos;  // give back the character after the literal
        return makeToken(TokenKind::Number, start, m_pos);
    };
    auto radixLiteral = [&](auto isRadixDigit, const char* kind) -> bool {
        c = nextc();
        do {
            if (c == '_')
                c = nextc();
            if (!isRadixDigit(c)) {
                if (isDigit(c) && std::string_view(kind) != "hexadecimal") {
                    failAtCursor(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
                    return false;
                }
                --m_pos;
                failAtCursor(std::string("invalid ") + kind + " literal");
                return false;
            }
            do {
                c = nextc();
            } while (isRadixDigit(c));
        } while (c == '_');
        if (isDigit(c) && std::string_view(kind) != "hexadecimal") {
            failAtCursor(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
            return false;
        }
        return verifyEndOfNumber(c, kind);
    };

    bool fraction = false, exponent = false, imaginary = false;
    if (c == '.') {
        c = nextc();
        fraction = true;
    } else if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X') {
            if (!radixLiteral(isHexDigit, "hexadecimal"))
                return m_errorToken;
            return finish();
        }
        if (c == 'o' || c == 'O') {
            if (!radixLiteral([](int d) { return d >= '0' && d <= '7'; }, "octal"))
                return m_errorToken;
            return finish();
        }
        if (c == 'b' || c == 'B') {
            if (!radixLiteral([](int d) { return d == '0' || d == '1'; }, "binary"))
                return m_errorToken;
            return finish();
        }
        bool nonZero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!isDigit(c)) {
                    --m_pos;
                    failAtCursor("invalid decimal literal");
                    return m_errorToken;
                }
            }
            if (c != '0')
                break;
            c = nextc();
        }
        const std::size_t zerosEnd = m_pos;
        if (isDigit(c)) {
            nonZero = true;
            if (!decimalTail(c))
                return m_errorToken;
        }
        if (c == '.') {
            c = nextc();
            fraction = true;
        } else if (c == 'e' || c == 'E') {
            exponent = true;
        } else if (c == 'j' || c == 'J') {
            imaginary = true;
        } else if (nonZero) {
            --m_pos;
            const std::string_view line = lineText(m_line);
            fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                 charCount(line, static_cast<int>(start - m_lineStart)) + 1,
                 charCount(line, static_cast<int>(zerosEnd - m_lineStart)), true);
            return m_errorToken;
        } else {
            if (!verifyEndOfNumber(c, "decimal"))
                return m_errorToken;
            return finish();
        }
    } else {
        if (!decimalTail(c))
            return m_errorToken;
        if (c == '.') {
            c = nextc();
            fraction = true;
        } else if (c == 'e' || c == 'E') {
            exponent = true;
        } else if (c == 'j' || c == 'J') {
            imaginary = true;
        }
    }
    if (fraction) {
        if (isDigit(c) && !decimalTail(c))
            return m_errorToken;
        if (c == 'e' || c == 'E')
            exponent = true;
        else if (c == 'j' || c == 'J')
            imaginary = true;
    }
    if (exponent) {
        const int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!isDigit(c)) {
                --m_pos;
                failAtCursor("invalid decimal literal");
                return m_errorToken;
            }
        } else if (!isDigit(c)) {
            --m_pos;  // back to just after the 'e'
            if (!verifyEndOfNumber(e, "decimal"))
                return m_errorToken;
            --m_pos;  // the 'e' belongs to the next token ("1else")
            return makeToken(TokenKind::Number, start, m_pos);
        }
        if (!decimalTail(c))
            return m_errorToken;
        if (c == 'j' || c == 'J')
            imaginary = true;
    }
    if (imaginary) {
        c = nextc();
        if (!verifyEndOfNumber(c, "imaginary"))
            return m_errorToken;
        return finish();
    }
    if (!verifyEndOfNumber(c, "decimal"))
        return m_errorToken;
    return finish();
}

Token Lexer::scanString(std::size_t start, std::size_t quotePos)
{
    const char quote = m_src[quotePos];
    const int firstLine = m_line;
    const std::size_t firstLineStart = m_lineStart;
    m_pos = quotePos + 1;
    int quoteSize = 1;
    int endQuoteSize = 0;
    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote)
            quoteSize = 3;
        else
            endQuoteSize = 1;  // empty string
    }
    if (c != quote)
        --m_pos;
    while (endQuoteSize != quoteSize) {
        c = nextc();
        if (c == kEof || (quoteSize == 1 && c == '\n')) {
            const int detected = m_line + m_options.lineOffset;
            m_line = firstLine;
            m_lineStart = firstLineStart;
            const int offset = charCount(lineText(firstLine), static_cast<int>(start - firstLineStart)) + 1;
            fail(std::string(quoteSize == 3 ? "unterminated triple-quoted string literal" : "unterminated string literal") +
                     " (detected at line " + std::to_string(detected) + ")",
                 offset, offset, true);
            return m_errorToken;
        }
        if (c == quote) {
            ++endQuoteSize;
            continue;
        }
        endQuoteSize = 0;
        if (c == '\\') {
            c = nextc();
            if (c == kEof) {
                --m_pos;
                continue;
            }
        }
        if (c == '\n' && !enterLine(m_pos - 1))
            return m_errorToken;
    }
    Token t;
    t.kind = TokenKind::String;
    t.begin = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(m_pos);
    t.line = firstLine + m_options.lineOffset;
    t.col = static_cast<int>(start - firstLineStart);
    if (m_options.fstringExpression && firstLine == 1)
        t.col += m_options.firstLineColShift;
    t.endLine = m_line + m_options.lineOffset;
    t.endCol = static_cast<int>(m_pos - m_lineStart);
    if (m_options.fstringExpression && m_line == 1)
        t.endCol += m_options.firstLineColShift;
    t.level = static_cast<std::uint16_t>(m_brackets.size());
    return t;
}

Token Lexer::scanOperator(std::size_t start)
{
    m_pos = start;
    const char c = m_src[m_pos];
    const char c2 = m_pos + 1 < m_src.size() ? m_src[m_pos + 1] : '\0';
    const char c3 = m_pos + 2 < m_src.size() ? m_src[m_pos + 2] : '\0';
    auto op = [&](TokenKind kind, int len) {
        m_pos += len;
        return makeToken(kind, start, m_pos);
    };
    switch (c) {
    case '.':
        if (c2 == '.' && c3 == '.')
            return op(TokenKind::Ellipsis, 3);
        return op(TokenKind::Dot, 1);
    case '*':
        if (c2 == '*')
            return c3 == '=' ? op(TokenKind::DoubleStarEqual, 3) : op(TokenKind::DoubleStar, 2);
        return c2 == '=' ? op(TokenKind::StarEqual, 2) : op(TokenKind::Star, 1);
    case '/':
        if (c2 == '/')
            return c3 == '=' ? op(TokenKind::DoubleSlashEqual, 3) : op(TokenKind::DoubleSlash, 2);
        return c2 == '=' ? op(TokenKind::SlashEqual, 2) : op(TokenKind::Slash, 1);
    case '<':
        if (c2 == '<')
            return c3 == '=' ? op(TokenKind::LeftShiftEqual, 3) : op(TokenKind::LeftShift, 2);
        if (c2 == '=')
            return op(TokenKind::LessEqual, 2);
        return c2 == '>' ? op(TokenKind::LessGreater, 2) : op(TokenKind::Less, 1);
    case '>':
        if (c2 == '>')
            return c3 == '=' ? op(TokenKind::RightShiftEqual, 3) : op(TokenKind::RightShift, 2);
        return c2 == '=' ? op(TokenKind::GreaterEqual, 2) : op(TokenKind::Greater, 1);
    case '+': return c2 == '=' ? op(TokenKind::PlusEqual, 2) : op(TokenKind::Plus, 1);
    case '-':
        if (c2 == '>')
            return op(TokenKind::RArrow, 2);
        return c2 == '=' ? op(TokenKind::MinEqual, 2) : op(TokenKind::Minus, 1);
    case '%': return c2 == '=' ? op(TokenKind::PercentEqual, 2) : op(TokenKind::Percent, 1);
    case '&': return c2 == '=' ? op(TokenKind::AmperEqual, 2) : op(TokenKind::Amper, 1);
    case '|': return c2 == '=' ? op(TokenKind::VBarEqual, 2) : op(TokenKind::VBar, 1);
    case '^': return c2 == '=' ? op(TokenKind::CircumflexEqual, 2) : op(TokenKind::Circumflex, 1);
    case '@': return c2 == '=' ? op(TokenKind::AtEqual, 2) : op(TokenKind::At, 1);
    case '=': return c2 == '=' ? op(TokenKind::EqEqual, 2) : op(TokenKind::Equal, 1);
    case ':': return c2 == '=' ? op(TokenKind::ColonEqual, 2) : op(TokenKind::Colon, 1);
    case '!':
        if (c2 == '=')
            return op(TokenKind::NotEqual, 2);
        return op(TokenKind::Unknown, 1);
    case ',': return op(TokenKind::Comma, 1);
    case ';': return op(TokenKind::Semi, 1);
    case '~': return op(TokenKind::Tilde, 1);
    case '(':
    case '[':
    case '{': {
        ++m_pos;
        if (static_cast<int>(m_brackets.size()) >= kMaxLevel) {
            failAtCursor("too many nested parentheses");
            return m_errorToken;
        }
        m_brackets.push_back(OpenBracket{c, m_line, static_cast<int>(start - m_lineStart)});
        const TokenKind kind = c == '(' ? TokenKind::LPar : c == '[' ? TokenKind::LSqb : TokenKind::LBrace;
        return makeToken(kind, start, m_pos);
    }
    case ')':
    case ']':
    case '}': {
        ++m_pos;
        if (m_brackets.empty()) {
            failAtCursor(std::string("unmatched '") + c + "'");
            return m_errorToken;
        }
        const OpenBracket open = m_brackets.back();
        m_brackets.pop_back();
        if (!((open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') || (open.ch == '{' && c == '}'))) {
            std::string msg = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                              open.ch + "'";
            if (open.line != m_line)
                msg += " on line " + std::to_string(open.line + m_options.lineOffset);
            failAtCursor(std::move(msg));
            return m_errorToken;
        }
        const TokenKind kind = c == ')' ? TokenKind::RPar : c == ']' ? TokenKind::RSqb : TokenKind::RBrace;
        return makeToken(kind, start, m_pos);
    }
    default: break;
    }
    const unsigned char uc = static_cast<unsigned char>(c);
    ++m_pos;
    if (uc < 0x20 || uc == 0x7F) {
        failAtCursor("invalid non-printable character U+" + hex4(uc));
        return m_errorToken;
    }
    return makeToken(TokenKind::Unknown, start, m_pos);
}

} // namespace coroscope::syntax
