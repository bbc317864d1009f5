#pragma once

#include "core/script/syntax/SyntaxError.h"
#include "core/script/syntax/Token.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coroscope::syntax {

/// Turns pylite source into tokens on demand, with the behaviour of CPython
/// 3.11's Parser/tokenizer.c: INDENT/DEDENT from an indentation stack,
/// implicit line joining inside brackets, backslash continuation, comments,
/// whole string literals (f-strings stay one STRING token; the parser splits
/// them), numbers, and CPython's tokenizer error messages and positions.
///
/// Errors come in CPython's two flavours. "Hard" errors (unterminated
/// string, invalid character, bad number, unmatched bracket, too many nested
/// parentheses, undecodable source) beat any parser error, even one earlier
/// in the file: CPython tokenizes the rest of the file after a parse failure
/// and reports them. "Soft" errors (indentation errors, TabError, a stray
/// character after '\', end of file inside brackets) only count when the
/// parser actually asks for the token where they occur.
class Lexer {
public:
    struct Options {
        /// Reported in errors and in decoding messages.
        std::string filename = "main.py";
        /// Treat the text as one f-string replacement field, "(expr)" as
        /// CPython 3.11 compiles it: tokens on line k are reported at line
        /// k + lineOffset, and tokens on the first line are shifted right by
        /// firstLineColShift bytes, so AST positions point into the real file.
        bool fstringExpression = false;
        int lineOffset = 0;
        int firstLineColShift = 0;
    };

    /// The source is copied: "\r\n" and "\r" become "\n", a final newline is
    /// added when missing and a UTF-8 byte order mark is dropped, as
    /// CPython's tokenizer does when it reads a file.
    explicit Lexer(std::string_view source);
    Lexer(std::string_view source, Options options);

    /// The next token. After an Error token every further call returns
    /// Error again; error() explains it.
    Token next();

    /// The error behind the last Error token (valid after one was returned).
    const SyntaxError& error() const { return m_error; }
    /// True when error() must override a parser error found earlier.
    bool errorIsHard() const { return m_errorHard; }
    /// True when the lexer stopped because the file ended inside brackets.
    bool stoppedAtEofInBrackets() const { return m_eofInBrackets; }

    /// The normalised source the token offsets refer to.
    std::string_view source() const { return m_src; }
    std::string_view text(const Token& token) const
    {
        return std::string_view(m_src).substr(token.begin, token.end - token.begin);
    }
    /// Line `line` (1-based, in this lexer's own numbering) with its '\n'.
    std::string_view lineText(int line) const;
    /// Number of lines in the normalised source.
    int lineCount() const { return static_cast<int>(m_lineStarts.size()); }

    /// The innermost bracket still open: its character, line and byte column.
    struct OpenBracket {
        char ch;
        int line;
        int col;
    };
    const std::vector<OpenBracket>& openBrackets() const { return m_brackets; }
    /// "'(' was never closed" for the innermost open bracket (which must exist).
    SyntaxError unclosedBracketError() const;

    /// Code points in the first `bytes` bytes of `line`; a cut multi-byte
    /// character counts as one, the way CPython converts byte offsets.
    static int charCount(std::string_view line, int bytes);

    /// CPython 3.11's tokenizer limits.
    static constexpr int kMaxIndent = 100;
    static constexpr int kMaxLevel = 200;

private:
    Token scan();
    Token makeToken(TokenKind kind, std::size_t begin, std::size_t end);
    Token fail(std::string message, int offset, int endOffset, bool hard,
               const char* type = "SyntaxError");
    Token failAtCursor(std::string message);
    bool atLineStart();
    bool enterLine(std::size_t newlinePos);
    bool checkLine(std::size_t lineStart);
    Token scanIdentifier(std::size_t start);
    Token scanNumber(std::size_t start);
    Token scanString(std::size_t start, std::size_t quotePos);
    Token scanOperator(std::size_t start);
    bool verifyIdentifier(std::size_t start);
    bool verifyEndOfNumber(int c, const char* kind);
    bool decimalTail(int& c);
    int nextc();
    static std::string hex4(std::uint32_t cp);
    int cursorCol() const;
    std::string currentLineText() const;
    int lineOf(std::size_t pos) const;

    std::string m_src;
    Options m_options;
    std::vector<std::uint32_t> m_lineStarts;
    std::size_t m_pos = 0;
    std::size_t m_lineStart = 0;
    int m_line = 1;
    bool m_atBol = true;
    bool m_blankLine = false;  // the current line holds only blanks or a comment
    int m_pendingIndents = 0;  // >0 INDENTs, <0 DEDENTs still to hand out
    std::vector<int> m_indents{0};
    std::vector<int> m_altIndents{0};
    std::vector<OpenBracket> m_brackets;
    std::size_t m_checkedLines = 0;  // lines verified for NUL / UTF-8
    bool m_failed = false;
    bool m_errorHard = false;
    bool m_eofInBrackets = false;
    bool m_pendingFailure = false;
    Token m_errorToken;
    SyntaxError m_error;
};

} // namespace coroscope::syntax
