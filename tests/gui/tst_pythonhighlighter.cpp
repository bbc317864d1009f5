// PythonHighlighter: the formats it leaves in each block's QTextLayout,
// written as "text:Token" strings so a test reads like the code.

#include "app/gui/editor/PythonHighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <memory>

using namespace coroscope;

namespace {

const char* tokenName(PythonHighlighter::Token t)
{
    switch (t) {
    case PythonHighlighter::Token::Keyword: return "Keyword";
    case PythonHighlighter::Token::CoroutineKeyword: return "Coroutine";
    case PythonHighlighter::Token::Builtin: return "Builtin";
    case PythonHighlighter::Token::Constant: return "Constant";
    case PythonHighlighter::Token::String: return "String";
    case PythonHighlighter::Token::Interpolation: return "Interp";
    case PythonHighlighter::Token::Number: return "Number";
    case PythonHighlighter::Token::Comment: return "Comment";
    case PythonHighlighter::Token::Decorator: return "Decorator";
    case PythonHighlighter::Token::Definition: return "Definition";
    case PythonHighlighter::Token::Count_: break;
    }
    return "?";
}

/// Highlights `code` and describes line `line` (1-based) as "text:Token ...".
QString tokens(const QString& code, int line)
{
    QTextDocument doc;
    doc.setPlainText(code);
    PythonHighlighter h(&doc, ThemeColors::forTheme(ThemeKind::Light).syntax);
    h.rehighlight();
    const QTextBlock block = doc.findBlockByNumber(line - 1);
    QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    QStringList out;
    for (const QTextLayout::FormatRange& r : ranges) {
        QString name = QStringLiteral("?");
        for (int t = 0; t < int(PythonHighlighter::Token::Count_); ++t) {
            const auto token = PythonHighlighter::Token(t);
            if (h.format(token).foreground() == r.format.foreground()
                && h.format(token).fontWeight() == r.format.fontWeight()) {
                name = QLatin1String(tokenName(token));
                break;
            }
        }
        out << block.text().mid(r.start, r.length) + QLatin1Char(':') + name;
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_PythonHighlighter : public QObject {
    Q_OBJECT
private slots:
    void keywordsAndTheCoroutineKeywordsStandOut_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("async def") << QStringLiteral("async def main():")
                                   << QStringLiteral("async:Coroutine def:Keyword main:Definition");
        QTest::newRow("await") << QStringLiteral("    x = await asyncio.sleep(1)")
                               << QStringLiteral("await:Coroutine 1:Number");
        QTest::newRow("yield from") << QStringLiteral("yield from gen()")
                                    << QStringLiteral("yield:Coroutine from:Keyword");
        QTest::newRow("control flow") << QStringLiteral("if a and not b: return None")
                                      << QStringLiteral("if:Keyword and:Keyword not:Keyword return:Keyword None:Constant");
        QTest::newRow("async with/for") << QStringLiteral("async with lock: async for x in it: pass")
                                        << QStringLiteral("async:Coroutine with:Keyword async:Coroutine for:Keyword "
                                                          "in:Keyword pass:Keyword");
        QTest::newRow("class") << QStringLiteral("class Reader(object):")
                               << QStringLiteral("class:Keyword Reader:Definition object:Builtin");
        QTest::newRow("identifiers containing keywords") << QStringLiteral("format_async = iffy + yields")
                                                         << QString();
    }

    void keywordsAndTheCoroutineKeywordsStandOut()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QCOMPARE(tokens(code, 1), expected);
    }

    void builtinsAreColouredButAttributesOfTheSameNameAreNot()
    {
        QCOMPARE(tokens(QStringLiteral("print(len(x)); logger.print(range)"), 1),
                 QStringLiteral("print:Builtin len:Builtin range:Builtin"));
    }

    void stringsIncludingEscapedQuotesAndPrefixes()
    {
        QCOMPARE(tokens(QStringLiteral(R"(a = 'it\'s' + "q" + rb'\x00' + u"x")"), 1),
                 QStringLiteral(R"('it\'s':String "q":String rb'\x00':String u"x":String)"));
    }

    void aCommentMarkInsideAStringIsNotAComment()
    {
        QCOMPARE(tokens(QStringLiteral("s = '# no'  # yes"), 1), QStringLiteral("'# no':String # yes:Comment"));
    }

    void anUnterminatedStringEndsAtTheLineEnd()
    {
        const QString code = QStringLiteral("s = 'open\nx = 1");
        QCOMPARE(tokens(code, 1), QStringLiteral("'open:String"));
        QCOMPARE(tokens(code, 2), QStringLiteral("1:Number"));
    }

    void aTripleQuotedStringSpansLinesUntilItCloses()
    {
        const QString code = QStringLiteral("x = \"\"\"first\nsecond 'inner' # not a comment\nthird\"\"\" + 1\ny = 2");
        QCOMPARE(tokens(code, 1), QStringLiteral("\"\"\"first:String"));
        QCOMPARE(tokens(code, 2), QStringLiteral("second 'inner' # not a comment:String"));
        QCOMPARE(tokens(code, 3), QStringLiteral("third\"\"\":String 1:Number"));
        QCOMPARE(tokens(code, 4), QStringLiteral("2:Number"));
    }

    void aDocstringWithTheOtherQuoteDoesNotCloseEarly()
    {
        const QString code = QStringLiteral("'''a \"\"\" b\nc'''\nreturn");
        QCOMPARE(tokens(code, 2), QStringLiteral("c''':String"));
        QCOMPARE(tokens(code, 3), QStringLiteral("return:Keyword"));
    }

    void fStringInterpolationsAreColouredApart()
    {
        QCOMPARE(tokens(QStringLiteral("f\"t={t:.3f} {{literal}} {a['k']}\""), 1),
                 QStringLiteral("f\"t=:String {t:.3f}:Interp  {{literal}} :String {a['k']}:Interp \":String"));
    }

    void aTripleQuotedFStringInterpolatesOnEveryLine()
    {
        const QString code = QStringLiteral("msg = f'''x={x}\ny={y}'''");
        QCOMPARE(tokens(code, 2), QStringLiteral("y=:String {y}:Interp ''':String"));
    }

    void numbersInEveryNotation_data()
    {
        QTest::addColumn<QString>("literal");
        for (const char* n : {"42", "3.14", "1_000_000", "0xFF", "0o17", "0b1010", "1e-9", "2.5E+3", "3j", ".5"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    void numbersInEveryNotation()
    {
        QFETCH(QString, literal);
        QCOMPARE(tokens(QStringLiteral("x = ") + literal + QStringLiteral(" + y"), 1), literal + QStringLiteral(":Number"));
    }

    void digitsInsideANameAreNotANumber()
    {
        QCOMPARE(tokens(QStringLiteral("task1 = func2()"), 1), QString());
    }

    void decoratorsIncludingDottedOnes()
    {
        QCOMPARE(tokens(QStringLiteral("@asyncio.coroutine"), 1), QStringLiteral("@asyncio.coroutine:Decorator"));
        QCOMPARE(tokens(QStringLiteral("    @app.get(\"/\")"), 1), QStringLiteral("@app.get:Decorator \"/\":String"));
        QCOMPARE(tokens(QStringLiteral("x = a @ b"), 1), QString());
    }

    void changingColoursRecoloursTheDocument()
    {
        QTextDocument doc;
        doc.setPlainText(QStringLiteral("await x"));
        PythonHighlighter h(&doc, ThemeColors::forTheme(ThemeKind::Light).syntax);
        h.rehighlight();
        const auto dark = ThemeColors::forTheme(ThemeKind::Dark).syntax;
        h.setColors(dark);
        const auto ranges = doc.firstBlock().layout()->formats();
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.first().format.foreground().color(), dark.coroutineKeyword);
    }
};

QTEST_MAIN(tst_PythonHighlighter)
#include "tst_pythonhighlighter.moc"
