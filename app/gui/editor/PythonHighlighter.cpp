#include "app/gui/editor/PythonHighlighter.h"

#include <QSet>

namespace coroscope {

namespace {

const QSet<QString>& keywords()
{
    static const QSet<QString> set{
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("break"),
        QStringLiteral("class"), QStringLiteral("continue"), QStringLiteral("def"), QStringLiteral("del"),
        QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("except"), QStringLiteral("finally"),
        QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"), QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"), QStringLiteral("lambda"),
        QStringLiteral("nonlocal"), QStringLiteral("not"), QStringLiteral("or"), QStringLiteral("pass"),
        QStringLiteral("raise"), QStringLiteral("return"), QStringLiteral("try"), QStringLiteral("while"),
        QStringLiteral("with"),
    };
    return set;
}

const QSet<QString>& coroutineKeywords()
{
    static const QSet<QString> set{QStringLiteral("async"), QStringLiteral("await"), QStringLiteral("yield")};
    return set;
}

const QSet<QString>& constants()
{
    static const QSet<QString> set{QStringLiteral("True"), QStringLiteral("False"), QStringLiteral("None"),
                                   QStringLiteral("self"), QStringLiteral("cls"), QStringLiteral("__name__")};
    return set;
}

const QSet<QString>& builtins()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        const char* names[] = {
            "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
            "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
            "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
            "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
            "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
            "open", "ord", "pow", "print", "property", "range", "repr", "reversed", "round", "set",
            "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
            "zip", "__import__", "BaseException", "Exception", "ArithmeticError", "AssertionError",
            "AttributeError", "GeneratorExit", "ImportError", "IndexError", "KeyError",
            "KeyboardInterrupt", "LookupError", "NameError", "NotImplementedError", "OSError",
            "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "TimeoutError",
            "TypeError", "ValueError", "ZeroDivisionError", "DeprecationWarning", "NotImplemented",
            "Ellipsis",
        };
        for (const char* n : names)
            s.insert(QLatin1String(n));
        return s;
    }();
    return set;
}

bool isIdentStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }
bool isQuote(QChar c) { return c == QLatin1Char('\'') || c == QLatin1Char('"'); }

/// Python's string prefixes (any case): r, u, b, f, br, rb, fr, rf.
bool isStringPrefix(QStringView word, bool* fString)
{
    if (word.size() > 2)
        return false;
    bool f = false, r = false;
    for (QChar c : word) {
        switch (c.toLower().unicode()) {
        case 'f': if (f) return false; f = true; break;
        case 'r': if (r) return false; r = true; break;
        case 'b': case 'u': break;
        default: return false;
        }
    }
    if (word.size() == 2 && word.contains(QLatin1Char('u'), Qt::CaseInsensitive))
        return false;
    *fString = f;
    return true;
}

/// The last non-space character before `i`, or a null QChar.
QChar previousSignificant(const QString& text, int i)
{
    while (--i >= 0) {
        if (!text[i].isSpace())
            return text[i];
    }
    return QChar();
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document, const ThemeColors::Syntax& colors)
    : QSyntaxHighlighter(document)
{
    setColors(colors);
}

void PythonHighlighter::setColors(const ThemeColors::Syntax& colors)
{
    auto make = [](const QColor& c, bool bold = false) {
        QTextCharFormat f;
        f.setForeground(c);
        if (bold)
            f.setFontWeight(QFont::Bold);
        return f;
    };
    m_formats[std::size_t(Token::Keyword)] = make(colors.keyword);
    m_formats[std::size_t(Token::CoroutineKeyword)] = make(colors.coroutineKeyword, true);
    m_formats[std::size_t(Token::Builtin)] = make(colors.builtin);
    m_formats[std::size_t(Token::Constant)] = make(colors.constant);
    m_formats[std::size_t(Token::String)] = make(colors.string);
    m_formats[std::size_t(Token::Interpolation)] = make(colors.interpolation);
    m_formats[std::size_t(Token::Number)] = make(colors.number);
    // Not italic: slanted CJK glyphs are synthesised and read poorly.
    m_formats[std::size_t(Token::Comment)] = make(colors.comment);
    m_formats[std::size_t(Token::Decorator)] = make(colors.decorator);
    m_formats[std::size_t(Token::Definition)] = make(colors.definition, true);
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString& text)
{
    const int n = int(text.size());
    int i = 0;
    setCurrentBlockState(0);

    const int previous = std::max(0, previousBlockState());
    if (previous & (InSingleTriple | InDoubleTriple)) {
        const QChar quote = (previous & InSingleTriple) ? QLatin1Char('\'') : QLatin1Char('"');
        const int end = scanBody(text, 0, quote, true, false);
        const int stop = end < 0 ? n : end;
        setToken(0, stop, Token::String);
        if (previous & FString)
            scanBody(text, 0, quote, true, true);
        if (end < 0) {
            setCurrentBlockState(previous);
            return;
        }
        i = end;
    }

    bool atLineStart = i == 0;
    bool nameIsDefinition = false;
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('#')) {
            setToken(i, n - i, Token::Comment);
            break;
        }
        if (c == QLatin1Char('@') && atLineStart) {
            int j = i + 1;
            while (j < n && (isIdentChar(text[j]) || text[j] == QLatin1Char('.')))
                ++j;
            setToken(i, j - i, Token::Decorator);
            i = j;
            atLineStart = false;
            continue;
        }
        atLineStart = false;
        if (isIdentStart(c)) {
            int j = i;
            while (j < n && isIdentChar(text[j]))
                ++j;
            const QString word = text.mid(i, j - i);
            bool fString = false;
            if (j < n && isQuote(text[j]) && isStringPrefix(word, &fString)) {
                i = highlightString(text, i, j, fString);
                nameIsDefinition = false;
                continue;
            }
            const bool afterDot = previousSignificant(text, i) == QLatin1Char('.');
            if (nameIsDefinition)
                setToken(i, j - i, Token::Definition);
            else if (afterDot)
                ; // an attribute: never a keyword-coloured builtin
            else if (coroutineKeywords().contains(word))
                setToken(i, j - i, Token::CoroutineKeyword);
            else if (keywords().contains(word))
                setToken(i, j - i, Token::Keyword);
            else if (constants().contains(word))
                setToken(i, j - i, Token::Constant);
            else if (builtins().contains(word))
                setToken(i, j - i, Token::Builtin);
            nameIsDefinition = !afterDot && (word == QLatin1String("def") || word == QLatin1String("class"));
            i = j;
            continue;
        }
        nameIsDefinition = false;
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text[i + 1].isDigit())) {
            const int j = scanNumber(text, i);
            setToken(i, j - i, Token::Number);
            i = j;
            continue;
        }
        if (isQuote(c)) {
            i = highlightString(text, i, i, false);
            continue;
        }
        ++i;
    }
}

int PythonHighlighter::highlightString(const QString& text, int start, int quote, bool fString)
{
    const int n = int(text.size());
    const QChar q = text[quote];
    const bool triple = quote + 2 < n && text[quote + 1] == q && text[quote + 2] == q;
    const int bodyStart = quote + (triple ? 3 : 1);
    // Formats are set string-first, then the interpolations on top.
    int end = scanBody(text, bodyStart, q, triple, false);
    const int stop = end < 0 ? n : end;
    setToken(start, stop - start, Token::String);
    if (fString)
        scanBody(text, bodyStart, q, triple, true);
    if (end < 0 && triple) {
        int state = q == QLatin1Char('\'') ? InSingleTriple : InDoubleTriple;
        if (fString)
            state |= FString;
        setCurrentBlockState(state);
    }
    return stop;
}

int PythonHighlighter::scanBody(const QString& text, int from, QChar quote, bool triple, bool fString)
{
    const int n = int(text.size());
    int i = from;
    while (i < n) {
        const QChar c = text[i];
        // A backslash always protects the next character from ending the
        // string, even in raw strings (r"\"" is one string).
        if (c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (!triple)
                return i + 1;
            if (i + 2 < n && text[i + 1] == quote && text[i + 2] == quote)
                return i + 3;
        }
        if (fString && c == QLatin1Char('{')) {
            if (i + 1 < n && text[i + 1] == QLatin1Char('{')) {
                i += 2;
                continue;
            }
            int depth = 0, j = i;
            for (; j < n; ++j) {
                if (text[j] == QLatin1Char('{'))
                    ++depth;
                else if (text[j] == QLatin1Char('}') && --depth == 0)
                    break;
                else if (text[j] == quote && !triple && depth <= 1)
                    break;
            }
            const int close = j < n && text[j] == QLatin1Char('}') ? j + 1 : j;
            setToken(i, close - i, Token::Interpolation);
            i = close;
            continue;
        }
        ++i;
    }
    return -1;
}

int PythonHighlighter::scanNumber(const QString& text, int from) const
{
    const int n = int(text.size());
    int i = from;
    auto digitsWhile = [&](auto pred) {
        while (i < n && (pred(text[i]) || text[i] == QLatin1Char('_')))
            ++i;
    };
    if (text[i] == QLatin1Char('0') && i + 1 < n && QStringLiteral("xXoObB").contains(text[i + 1])) {
        i += 2;
        digitsWhile([](QChar c) { return c.isDigit() || QStringLiteral("abcdefABCDEF").contains(c); });
        return i;
    }
    digitsWhile([](QChar c) { return c.isDigit(); });
    if (i < n && text[i] == QLatin1Char('.')) {
        ++i;
        digitsWhile([](QChar c) { return c.isDigit(); });
    }
    if (i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        int j = i + 1;
        if (j < n && (text[j] == QLatin1Char('+') || text[j] == QLatin1Char('-')))
            ++j;
        if (j < n && text[j].isDigit()) {
            i = j;
            digitsWhile([](QChar c) { return c.isDigit(); });
        }
    }
    if (i < n && (text[i] == QLatin1Char('j') || text[i] == QLatin1Char('J')))
        ++i;
    return i;
}

} // namespace coroscope
