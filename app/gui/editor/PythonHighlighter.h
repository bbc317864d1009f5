#pragma once
// PythonHighlighter: colours Python 3 source as the user types. A small
// hand-written scanner per block; the block state carries an open
// triple-quoted string (its quote, and whether it is an f-string) to
// the next block, so docstrings spanning many lines stay coloured.

#include "app/gui/theme/ThemeColors.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace coroscope {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    /// What a span of source is; each has one format.
    enum class Token {
        Keyword,
        CoroutineKeyword, ///< async, await, yield
        Builtin,
        Constant,         ///< True, False, None, self, cls
        String,
        Interpolation,    ///< {expr} inside an f-string
        Number,
        Comment,
        Decorator,
        Definition,       ///< the name being defined by def / class
        Count_
    };

    explicit PythonHighlighter(QTextDocument* document, const ThemeColors::Syntax& colors);

    /// Recolours the whole document.
    void setColors(const ThemeColors::Syntax& colors);
    QTextCharFormat format(Token token) const { return m_formats[std::size_t(token)]; }

protected:
    void highlightBlock(const QString& text) override;

private:
    /// Bits of the block state for a triple-quoted string left open.
    enum StateBits : int {
        InSingleTriple = 1, ///< inside '''
        InDoubleTriple = 2, ///< inside """
        FString = 4,        ///< ... of an f-string: braces interpolate
    };

    /// Colours a string whose prefix starts at `start` and whose quote is at
    /// `quote`; returns the index after it (text.size() if left open).
    int highlightString(const QString& text, int start, int quote, bool fString);
    /// Scans a string body from `from`; returns the index after the closing
    /// quote, or -1 when the line ends first. Colours f-string interpolations.
    int scanBody(const QString& text, int from, QChar quote, bool triple, bool fString);
    int scanNumber(const QString& text, int from) const;
    void setToken(int start, int length, Token token) { setFormat(start, length, m_formats[std::size_t(token)]); }

    std::array<QTextCharFormat, std::size_t(Token::Count_)> m_formats;
};

} // namespace coroscope
