#pragma once

#include <cstdint>
#include <string_view>

namespace coroscope::syntax {

/// The kinds of token the pylite lexer produces (CPython's token module plus
/// one kind per keyword, so the parser never compares text).
#define COROSCOPE_TOKEN_KINDS(X)                                                                   \
    X(EndMarker, "ENDMARKER")                                                                      \
    X(Name, "NAME")                                                                                \
    X(Number, "NUMBER")                                                                            \
    X(String, "STRING")                                                                            \
    X(Newline, "NEWLINE")                                                                          \
    X(Indent, "INDENT")                                                                            \
    X(Dedent, "DEDENT")                                                                            \
    X(Unknown, "OP") /* a character no rule accepts, such as '$' or '?' */                       \
    X(LPar, "(")                                                                                   \
    X(RPar, ")")                                                                                   \
    X(LSqb, "[")                                                                                   \
    X(RSqb, "]")                                                                                   \
    X(LBrace, "{")                                                                                 \
    X(RBrace, "}")                                                                                 \
    X(Colon, ":")                                                                                  \
    X(Comma, ",")                                                                                  \
    X(Semi, ";")                                                                                   \
    X(Plus, "+")                                                                                   \
    X(Minus, "-")                                                                                  \
    X(Star, "*")                                                                                   \
    X(Slash, "/")                                                                                  \
    X(VBar, "|")                                                                                   \
    X(Amper, "&")                                                                                  \
    X(Less, "<")                                                                                   \
    X(Greater, ">")                                                                                \
    X(Equal, "=")                                                                                  \
    X(Dot, ".")                                                                                    \
    X(Percent, "%")                                                                                \
    X(EqEqual, "==")                                                                               \
    X(NotEqual, "!=")                                                                              \
    X(LessGreater, "<>") /* tokenised as in CPython, accepted nowhere */                          \
    X(LessEqual, "<=")                                                                             \
    X(GreaterEqual, ">=")                                                                          \
    X(Tilde, "~")                                                                                  \
    X(Circumflex, "^")                                                                             \
    X(LeftShift, "<<")                                                                             \
    X(RightShift, ">>")                                                                            \
    X(DoubleStar, "**")                                                                            \
    X(PlusEqual, "+=")                                                                             \
    X(MinEqual, "-=")                                                                              \
    X(StarEqual, "*=")                                                                             \
    X(SlashEqual, "/=")                                                                            \
    X(PercentEqual, "%=")                                                                          \
    X(AmperEqual, "&=")                                                                            \
    X(VBarEqual, "|=")                                                                             \
    X(CircumflexEqual, "^=")                                                                       \
    X(LeftShiftEqual, "<<=")                                                                       \
    X(RightShiftEqual, ">>=")                                                                      \
    X(DoubleStarEqual, "**=")                                                                      \
    X(DoubleSlash, "//")                                                                           \
    X(DoubleSlashEqual, "//=")                                                                     \
    X(At, "@")                                                                                     \
    X(AtEqual, "@=")                                                                               \
    X(RArrow, "->")                                                                                \
    X(Ellipsis, "...")                                                                             \
    X(ColonEqual, ":=")                                                                            \
    X(KwFalse, "False")                                                                            \
    X(KwNone, "None")                                                                              \
    X(KwTrue, "True")                                                                              \
    X(KwAnd, "and")                                                                                \
    X(KwAs, "as")                                                                                  \
    X(KwAssert, "assert")                                                                          \
    X(KwAsync, "async")                                                                            \
    X(KwAwait, "await")                                                                            \
    X(KwBreak, "break")                                                                            \
    X(KwClass, "class")                                                                            \
    X(KwContinue, "continue")                                                                      \
    X(KwDef, "def")                                                                                \
    X(KwDel, "del")                                                                                \
    X(KwElif, "elif")                                                                              \
    X(KwElse, "else")                                                                              \
    X(KwExcept, "except")                                                                          \
    X(KwFinally, "finally")                                                                        \
    X(KwFor, "for")                                                                                \
    X(KwFrom, "from")                                                                              \
    X(KwGlobal, "global")                                                                          \
    X(KwIf, "if")                                                                                  \
    X(KwImport, "import")                                                                          \
    X(KwIn, "in")                                                                                  \
    X(KwIs, "is")                                                                                  \
    X(KwLambda, "lambda")                                                                          \
    X(KwNonlocal, "nonlocal")                                                                      \
    X(KwNot, "not")                                                                                \
    X(KwOr, "or")                                                                                  \
    X(KwPass, "pass")                                                                              \
    X(KwRaise, "raise")                                                                            \
    X(KwReturn, "return")                                                                          \
    X(KwTry, "try")                                                                                \
    X(KwWhile, "while")                                                                            \
    X(KwWith, "with")                                                                              \
    X(KwYield, "yield")                                                                            \
    X(Error, "ERRORTOKEN") /* the lexer stopped; Lexer::error() says why */

enum class TokenKind : std::uint8_t {
#define COROSCOPE_TOKEN_ENUM(name, text) name,
    COROSCOPE_TOKEN_KINDS(COROSCOPE_TOKEN_ENUM)
#undef COROSCOPE_TOKEN_ENUM
};

/// CPython's spelling of a token kind: the operator or keyword itself, or the
/// token module's name (NAME, NUMBER, ...).
std::string_view tokenKindText(TokenKind kind);

/// True for the keyword kinds (KwFalse .. KwYield).
constexpr bool isKeyword(TokenKind kind)
{
    return kind >= TokenKind::KwFalse && kind <= TokenKind::KwYield;
}

/// One token. Positions follow CPython's tokenizer: lines are 1-based,
/// columns are 0-based UTF-8 byte offsets into their line. A string token
/// that spans lines starts on `line` and ends on `endLine`.
struct Token {
    TokenKind kind = TokenKind::EndMarker;
    /// Bracket nesting depth after this token was read (CPython's tok->level).
    std::uint16_t level = 0;
    /// Byte range of the token's text in the lexer's source.
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::int32_t line = 0;
    std::int32_t col = 0;
    std::int32_t endLine = 0;
    std::int32_t endCol = 0;
};

} // namespace coroscope::syntax
