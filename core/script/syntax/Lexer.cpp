#include "core/script/syntax/Lexer.h"

#include "core/script/syntax/detail/Unicode.h"

#include <algorithm>
#include <cstdio>

namespace coroscope::syntax {

using detail::decodeUtf8;

namespace {

bool isAsciiLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(int c) { return c >= '0' && c <= '9'; }
// CPython's is_potential_identifier_start / _char: any non-ASCII byte may
// begin or continue a name; verifyIdentifier sorts them out afterwards.
bool isNameStart(int c) { return isAsciiLetter(c) || c == '_' || c >= 128; }

std::string normalise(std::string_view in)
{
    std::string out;
    out.reserve(in.size() + 1);
    std::size_t i = 0;
    if (in.substr(0, 3) == "\xEF\xBB\xBF")
        i = 3;
    for (; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n')
                ++i;
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() != '\n')
        out += '\n';
    return out;
}

} // namespace

std::string_view tokenKindText(TokenKind kind)
{
    switch (kind) {
#define COROSCOPE_TOKEN_TEXT(name, text)                                                           \
    case TokenKind::name:                                                                          \
        return text;
        COROSCOPE_TOKEN_KINDS(COROSCOPE_TOKEN_TEXT)
#undef COROSCOPE_TOKEN_TEXT
    }
    return "?";
}

Lexer::Lexer(std::string_view source) : Lexer(source, Options{}) {}

Lexer::Lexer(std::string_view source, Options options)
    : m_src(options.fstringExpression ? std::string(source) + "\n" : normalise(source)),
      m_options(std::move(options))
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i + 1 < m_src.size(); ++i)
        if (m_src[i] == '\n')
            m_lineStarts.push_back(static_cast<std::uint32_t>(i + 1));
    if (m_options.fstringExpression)
        m_brackets.reserve(8);
}

std::string_view Lexer::lineText(int line) const
{
    if (line < 1 || line > lineCount() || m_src.empty())
        return {};
    const std::size_t start = m_lineStarts[line - 1];
    const std::size_t end = line < lineCount() ? m_lineStarts[line] : m_src.size();
    return std::string_view(m_src).substr(start, end - start);
}

int Lexer::charCount(std::string_view line, int bytes)
{
    if (bytes <= 0)
        return 0;
    int count = 0;
    std::size_t i = 0;
    const std::size_t limit = std::min<std::size_t>(bytes, line.size());
    while (i < limit) {
        const unsigned char b = static_cast<unsigned char>(line[i]);
        // A lead byte (or a stray continuation byte) starts a character.
        if ((b & 0xC0) != 0x80)
            ++count;
        ++i;
    }
    if (static_cast<std::size_t>(bytes) > line.size())
        count += 1;  // CPython decodes one byte past the text (its NUL)
    return count;
}

int Lexer::lineOf(std::size_t pos) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), pos);
    return static_cast<int>(it - m_lineStarts.begin());
}

std::string Lexer::currentLineText() const
{
    std::string_view line = lineText(m_line);
    if (!line.empty() && line.back() == '\n')
        line.remove_suffix(1);
    return std::string(line);
}

int Lexer::cursorCol() const
{
    return charCount(lineText(m_line), static_cast<int>(m_pos - m_lineStart));
}

SyntaxError Lexer::unclosedBracketError() const
{
    const OpenBracket& b = m_brackets.back();
    SyntaxError e;
    e.message = std::string("'") + b.ch + "' was never closed";
    e.filename = m_options.filename;
    e.line = e.endLine = b.line + m_options.lineOffset;
    std::string_view line = lineText(b.line);
    e.offset = charCount(line, b.col) + 1;
    e.endOffset = 0;
    if (!line.empty() && line.back() == '\n')
        line.remove_suffix(1);
    e.text = std::string(line);
    return e;
}

Token Lexer::fail(std::string message, int offset, int endOffset, bool hard, const char* type)
{
    m_failed = true;
    m_errorHard = hard;
    m_error = SyntaxError{};
    m_error.type = type;
    m_error.message = std::move(message);
    m_error.filename = m_options.filename;
    m_error.line = m_line + m_options.lineOffset;
    m_error.endLine = m_error.line;
    m_error.offset = offset;
    m_error.endOffset = endOffset;
    m_error.text = currentLineText();
    m_errorToken = Token{};
    m_errorToken.kind = TokenKind::Error;
    m_errorToken.line = m_error.line;
    m_errorToken.endLine = m_error.line;
    m_errorToken.col = static_cast<int>(m_pos - m_lineStart);
    m_errorToken.endCol = -1;
    m_pos = std::min(m_pos, m_src.size());
    m_errorToken.begin = m_errorToken.end = static_cast<std::uint32_t>(m_pos);
    return m_errorToken;
}

// CPython's syntaxerror(): the offset counts the characters before the
// cursor, so it points at the last character read.
Token Lexer::failAtCursor(std::string message)
{
    const int col = cursorCol();
    return fail(std::move(message), col, col, true);
}

bool Lexer::checkLine(std::size_t lineStart)
{
    std::size_t end = m_src.find('\n', lineStart);
    if (end == std::string::npos)
        end = m_src.size();
    const std::string_view line = std::string_view(m_src).substr(lineStart, end - lineStart);
    if (line.find('\0') != std::string_view::npos) {
        fail("source code cannot contain null bytes", 0, 0, true);
        m_error.line = m_error.endLine = 0;
        m_error.text.clear();
        return false;
    }
    const std::size_t bad = detail::findInvalidUtf8(line);
    if (bad != std::string_view::npos) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(line[bad]));
        fail("Non-UTF-8 code starting with '\\x" + std::string(buf) + "' in file " + m_options.filename +
                 " on line " + std::to_string(m_line + m_options.lineOffset) +
                 ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
             0, 0, true);
        m_error.line = m_error.endLine = 0;
        m_error.text.clear();
        return false;
    }
    return true;
}

// Called after consuming the '\n' at newlinePos. CPython only moves to the
// next line when it reads from it, so at end of input the cursor stays on
// the last line.
bool Lexer::enterLine(std::size_t newlinePos)
{
    if (newlinePos + 1 >= m_src.size())
        return true;
    ++m_line;
    m_lineStart = newlinePos + 1;
    if (static_cast<std::size_t>(m_line) > m_checkedLines) {
        m_checkedLines = m_line;
        return checkLine(m_lineStart);
    }
    return true;
}

Token Lexer::makeToken(TokenKind kind, std::size_t begin, std::size_t end)
{
    Token t;
    t.kind = kind;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.line = m_line + m_options.lineOffset;
    t.endLine = t.line;
    t.col = static_cast<int>(begin - m_lineStart);
    t.endCol = static_cast<int>(end - m_lineStart);
    if (m_options.fstringExpression && m_line == 1) {
        t.col += m_options.firstLineColShift;
        t.endCol += m_options.firstLineColShift;
    }
    t.level = static_cast<std::uint16_t>(m_brackets.size());
    return t;
}

Token Lexer::next()
{
    if (m_failed)
        return m_errorToken;
    if (m_pendingFailure) {
        m_failed = true;
        return m_errorToken;
    }
    if (m_checkedLines == 0 && !m_src.empty()) {
        m_checkedLines = 1;
        if (!checkLine(0))
            return m_errorToken;
    }
    return scan();
}

// Handles the start of a logical line: measures indentation and queues
// INDENT/DEDENT tokens. Returns false when an indentation error was raised.
bool Lexer::atLineStart()
{
    int col = 0;
    int altcol = 0;
    for (; m_pos < m_src.size(); ++m_pos) {
        const char c = m_src[m_pos];
        if (c == ' ') {
            ++col;
            ++altcol;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            ++altcol;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    const bool atEnd = m_pos >= m_src.size();
    const bool blank = !atEnd && (m_src[m_pos] == '#' || m_src[m_pos] == '\n');
    m_blankLine = blank;
    if (blank || !m_brackets.empty())
        return true;
    const std::string_view line = lineText(m_line);
    auto tabError = [&] {
        fail("inconsistent use of tabs and spaces in indentation", 1, 0, false, "TabError");
        m_error.text = std::string(line);
        return false;
    };
    if (col == m_indents.back()) {
        if (altcol != m_altIndents.back())
            return tabError();
    } else if (col > m_indents.back()) {
        if (static_cast<int>(m_indents.size()) >= kMaxIndent) {
            fail("too many levels of indentation", 1, 0, false, "IndentationError");
            m_error.text = std::string(line);
            return false;
        }
        if (altcol <= m_altIndents.back())
            return tabError();
        m_indents.push_back(col);
        m_altIndents.push_back(altcol);
        ++m_pendingIndents;
    } else {
        while (m_indents.size() > 1 && col < m_indents.back()) {
            m_indents.pop_back();
            m_altIndents.pop_back();
            --m_pendingIndents;
        }
        if (col != m_indents.back()) {
            // CPython reports the cursor at the end of the line.
            const int len = atEnd ? 0 : static_cast<int>(line.size());
            fail("unindent does not match any outer indentation level", charCount(line, len), -1, false,
                 "IndentationError");
            m_error.text = std::string(line);
            return false;
        }
        if (altcol != m_altIndents.back())
            return tabError();
    }
    return true;
}

Token Lexer::scan()
{
    for (;;) {
        if (m_atBol) {
            m_atBol = false;
            if (!atLineStart())
                return m_errorToken;
        }
        if (m_pendingIndents != 0) {
            const bool indent = m_pendingIndents > 0;
            m_pendingIndents += indent ? -1 : 1;
            Token t = makeToken(indent ? TokenKind::Indent : TokenKind::Dedent, m_pos, m_pos);
            t.endCol = -1;  // CPython gives these tokens no position
            return t;
        }
        while (m_pos < m_src.size() && (m_src[m_pos] == ' ' || m_src[m_pos] == '\t' || m_src[m_pos] == '\f'))
            ++m_pos;
        // CPython's NEWLINE token after a comment starts at the '#'.
        const std::size_t commentStart = m_pos;
        if (m_pos < m_src.size() && m_src[m_pos] == '#') {
            while (m_src[m_pos] != '\n')
                ++m_pos;
        }
        const std::size_t start = m_pos;
        if (m_pos >= m_src.size()) {
            Token t = makeToken(TokenKind::EndMarker, m_pos, m_pos);
            t.line = lineCount() + m_options.lineOffset;
            t.endLine = t.line;
            t.col = static_cast<int>(m_src.size() - m_lineStarts.back());
            t.endCol = -1;
            if (!m_brackets.empty()) {
                const OpenBracket& b = m_brackets.back();
                m_eofInBrackets = true;
                const int oldLine = m_line;
                m_line = b.line;
                fail(std::string("'") + b.ch + "' was never closed",
                     charCount(lineText(b.line), b.col) + 1, 0, false);
                m_line = oldLine;
                return m_errorToken;
            }
            return t;
        }
        const int c = static_cast<unsigned char>(m_src[m_pos]);
        if (c == '\n') {
            const bool inBrackets = !m_brackets.empty() || m_blankLine;
            Token t = makeToken(TokenKind::Newline, commentStart, m_pos);
            t.endCol = t.col + static_cast<int>(m_pos - commentStart);
            const std::size_t nl = m_pos++;
            m_atBol = true;
            if (!enterLine(nl)) {
                if (inBrackets)
                    return m_errorToken;
                m_failed = false;
                m_pendingFailure = true;  // report it when the next line is asked for
                return t;
            }
            if (inBrackets)
                continue;
            return t;
        }
        if (c == '\\') {
            if (m_src[m_pos + 1] != '\n') {
                m_pos += 2;
                const int col = cursorCol();
                fail("unexpected character after line continuation character", col, 0, false);
                m_error.text = std::string(lineText(m_line));
                return m_errorToken;
            }
            const std::size_t nl = m_pos + 1;
            m_pos += 2;
            if (m_pos >= m_src.size()) {
                if (!m_brackets.empty())
                    continue;  // reported as an unclosed bracket
                const std::string_view line = lineText(m_line);
                fail("unexpected EOF while parsing", charCount(line, static_cast<int>(line.size())), -1, false);
                m_error.text = std::string(line);
                return m_errorToken;
            }
            if (!enterLine(nl))
                return m_errorToken;
            continue;
        }
        if (isNameStart(c))
            return scanIdentifier(start);
        if (isDigit(c) || (c == '.' && isDigit(static_cast<unsigned char>(m_src[m_pos + 1]))))
            return scanNumber(start);
        if (c == '\'' || c == '"')
            return scanString(start, start);
        return scanOperator(start);
    }
}

} // namespace coroscope::syntax
