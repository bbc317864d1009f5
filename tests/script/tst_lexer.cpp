#include "core/script/syntax/Lexer.h"

#include <QtTest>

#include <string>

using namespace coroscope::syntax;

namespace {

// "NAME:x = NUMBER:1 NEWLINE ENDMARKER": operators and keywords by their
// spelling, other kinds as KIND:text.
QString tokens(const std::string& source)
{
    Lexer lexer(source);
    QStringList out;
    for (int guard = 0; guard < 10000; ++guard) {
        const Token t = lexer.next();
        const QString text = QString::fromUtf8(lexer.text(t).data(), int(lexer.text(t).size()));
        const QString kind = QString::fromUtf8(tokenKindText(t.kind).data(), int(tokenKindText(t.kind).size()));
        switch (t.kind) {
        case TokenKind::Name:
        case TokenKind::Number:
        case TokenKind::String:
        case TokenKind::Unknown: out << kind + ":" + text; break;
        case TokenKind::Error:
            out << QStringLiteral("ERROR:%1 %2:%3")
                       .arg(QString::fromStdString(lexer.error().message))
                       .arg(lexer.error().line)
                       .arg(lexer.error().offset);
            return out.join(' ');
        default: out << kind; break;
        }
        if (t.kind == TokenKind::EndMarker)
            break;
    }
    return out.join(' ');
}

} // namespace

class tst_Lexer : public QObject {
    Q_OBJECT
private slots:
    void tricky_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("indentation produces indent and dedent tokens")
            << "if x:\n    y\n    if z:\n        w\nv\n"
            << "if NAME:x : NEWLINE INDENT NAME:y NEWLINE if NAME:z : NEWLINE INDENT NAME:w NEWLINE DEDENT DEDENT "
               "NAME:v NEWLINE ENDMARKER";
        QTest::newRow("blank and comment lines do not count for indentation")
            << "if x:\n\n  # note\n        # deeper note\n    y\n"
            << "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER";
        QTest::newRow("dedents are emitted at end of file") << "def f():\n  if x:\n    pass"
                                                             << "def NAME:f ( ) : NEWLINE INDENT if NAME:x : NEWLINE "
                                                                "INDENT pass NEWLINE DEDENT DEDENT ENDMARKER";
        QTest::newRow("brackets join lines") << "x = (1,\n  2\n    )\n"
                                             << "NAME:x = ( NUMBER:1 , NUMBER:2 ) NEWLINE ENDMARKER";
        QTest::newRow("backslash joins lines") << "x = 1 + \\\n  2\n" << "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER";
        QTest::newRow("f-string stays one token")
            << "s = f'{a!r:>{w}} {{x}}'\n"
            << "NAME:s = STRING:f'{a!r:>{w}} {{x}}' NEWLINE ENDMARKER";
        QTest::newRow("string prefixes in any case")
            << "rb'a' Br'b' F'c' Rf'd' u'e' b\"f\"\n"
            << "STRING:rb'a' STRING:Br'b' STRING:F'c' STRING:Rf'd' STRING:u'e' STRING:b\"f\" NEWLINE ENDMARKER";
        QTest::newRow("triple quoted strings span lines")
            << "x = '''a\nb''' + \"\"\"c\"\"\"\n"
            << "NAME:x = STRING:'''a\nb''' + STRING:\"\"\"c\"\"\" NEWLINE ENDMARKER";
        QTest::newRow("escaped quote stays in the string") << "s = 'it\\'s'\n"
                                                            << "NAME:s = STRING:'it\\'s' NEWLINE ENDMARKER";
        QTest::newRow("chinese identifiers strings and comments")
            << "名字 = '协程'  # 注释\n" << "NAME:名字 = STRING:'协程' NEWLINE ENDMARKER";
        QTest::newRow("number forms") << "0x1F 0o17 0b1 1_000 1.5 .5 5. 1e-3 2j 1if\n"
                                      << "NUMBER:0x1F NUMBER:0o17 NUMBER:0b1 NUMBER:1_000 NUMBER:1.5 NUMBER:.5 NUMBER:5. "
                                         "NUMBER:1e-3 NUMBER:2j NUMBER:1 if NEWLINE ENDMARKER";
        QTest::newRow("all compound operators")
            << "a := b -> c **= d //= e >>= f <<= g @= h != i ... j\n"
            << "NAME:a := NAME:b -> NAME:c **= NAME:d //= NAME:e >>= NAME:f <<= NAME:g @= NAME:h != NAME:i ... "
               "NAME:j NEWLINE ENDMARKER";
        QTest::newRow("keywords are their own tokens") << "async await lambda yield None\n"
                                                        << "async await lambda yield None NEWLINE ENDMARKER";
        QTest::newRow("unknown ascii characters become operator tokens") << "a $ b ? c\n"
                                                                          << "NAME:a OP:$ NAME:b OP:? NAME:c NEWLINE ENDMARKER";
        QTest::newRow("crlf and missing final newline are normalised") << "x\r\ny"
                                                                        << "NAME:x NEWLINE NAME:y NEWLINE ENDMARKER";
    }
    void tricky()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(tokens(source.toStdString()), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        // Messages and offsets as CPython 3.11's tokenizer reports them
        // (see also the generated table in tst_parser).
        QTest::newRow("unterminated string") << "x = 'abc\n"
                                             << "NAME:x = ERROR:unterminated string literal (detected at line 1) 1:5";
        QTest::newRow("unterminated triple-quoted string")
            << "x = '''abc\n\n" << "NAME:x = ERROR:unterminated triple-quoted string literal (detected at line 2) 1:5";
        QTest::newRow("unindent that matches no level")
            << "if x:\n    a\n  b\n"
            << "if NAME:x : NEWLINE INDENT NAME:a NEWLINE ERROR:unindent does not match any outer indentation level 3:4";
        QTest::newRow("tabs after spaces") << "if x:\n        a\n\tb\n"
                                           << "if NAME:x : NEWLINE INDENT NAME:a NEWLINE ERROR:inconsistent use of tabs "
                                              "and spaces in indentation 3:1";
        QTest::newRow("unmatched closing bracket") << "x)\n" << "NAME:x ERROR:unmatched ')' 1:2";
        QTest::newRow("mismatched closing bracket") << "(x]\n"
                                                    << "( NAME:x ERROR:closing parenthesis ']' does not match opening "
                                                       "parenthesis '(' 1:3";
        QTest::newRow("mismatched bracket on another line")
            << "(x\n]\n" << "( NAME:x ERROR:closing parenthesis ']' does not match opening parenthesis '(' on line 1 2:1";
        QTest::newRow("fullwidth parenthesis") << "print（1）\n" << "ERROR:invalid character '（' (U+FF08) 1:6";
        QTest::newRow("no-break space") << "x\xc2\xa0= 1\n" << "ERROR:invalid non-printable character U+00A0 1:2";
        QTest::newRow("control character") << "x = \x01\n" << "NAME:x = ERROR:invalid non-printable character U+0001 1:5";
        QTest::newRow("letters after a number") << "1abc\n" << "ERROR:invalid decimal literal 1:1";
        QTest::newRow("leading zeros") << "x = 0777\n"
                                       << "NAME:x = ERROR:leading zeros in decimal integer literals are not permitted; "
                                          "use an 0o prefix for octal integers 1:5";
        QTest::newRow("bad octal digit") << "0o8\n" << "ERROR:invalid digit '8' in octal literal 1:3";
        QTest::newRow("empty hex literal") << "0x\n" << "ERROR:invalid hexadecimal literal 1:2";
        QTest::newRow("double underscore") << "1__0\n" << "ERROR:invalid decimal literal 1:2";
        QTest::newRow("character after backslash") << "x = 1 \\ y\n"
                                                   << "NAME:x = NUMBER:1 ERROR:unexpected character after line "
                                                      "continuation character 1:8";
        QTest::newRow("end of file inside brackets") << "f(\n" << "NAME:f ( ERROR:'(' was never closed 1:2";
    }
    void errors()
    {
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(tokens(source.toStdString()), expected);
    }

    void tooManyNestedParenthesesStopsAt200()
    {
        Lexer lexer(std::string(100000, '('));
        int count = 0;
        Token t;
        while ((t = lexer.next()).kind == TokenKind::LPar)
            ++count;
        QCOMPARE(count, 200);
        QCOMPARE(int(t.kind), int(TokenKind::Error));
        QCOMPARE(QString::fromStdString(lexer.error().message), QStringLiteral("too many nested parentheses"));
        QCOMPARE(lexer.error().offset, 201);
        QVERIFY(lexer.errorIsHard());
    }

    void tooManyIndentationLevelsIsAnIndentationError()
    {
        std::string src = "if x:\n";
        for (int i = 0; i < 120; ++i)
            src += std::string(i + 1, ' ') + "if x:\n";
        Lexer lexer(src);
        Token t;
        while ((t = lexer.next()).kind != TokenKind::Error && t.kind != TokenKind::EndMarker) {
        }
        QCOMPARE(QString::fromStdString(lexer.error().type), QStringLiteral("IndentationError"));
        QCOMPARE(QString::fromStdString(lexer.error().message), QStringLiteral("too many levels of indentation"));
        QCOMPARE(lexer.error().line, 101);
        QVERIFY(!lexer.errorIsHard());
    }

    void positionsAreBytesAndLinesLikeCPython()
    {
        Lexer lexer("名 = 'ab\ncd'''\n");
        const Token name = lexer.next();
        QCOMPARE(name.line, 1);
        QCOMPARE(name.col, 0);
        QCOMPARE(name.endCol, 3);  // UTF-8 bytes
        lexer.next();
        const Token str = lexer.next();
        QCOMPARE(int(str.kind), int(TokenKind::Error));
        QCOMPARE(Lexer::charCount("名 = 'x", 5), 3);
    }

    void afterAnErrorTheLexerKeepsReturningIt()
    {
        Lexer lexer("x = 'open\ny = 2\n");
        lexer.next();
        lexer.next();
        QCOMPARE(int(lexer.next().kind), int(TokenKind::Error));
        QCOMPARE(int(lexer.next().kind), int(TokenKind::Error));
    }
};

QTEST_APPLESS_MAIN(tst_Lexer)
#include "tst_lexer.moc"
