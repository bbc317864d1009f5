// OutputNormalizer: the "normalize" rules that make CPython's run-to-run
// variations (addresses, set order, racing threads' lines) compare equal,
// applied alike to the expected file and to our output.
#include "lessons/loader/OutputNormalizer.h"

#include <QTest>

using namespace coroscope::lessons;

class tst_OutputNormalizer : public QObject {
    Q_OBJECT

private slots:
    void addressesBecomeAnEllipsis()
    {
        QCOMPARE(OutputNormalizer::replaceAddresses(QStringLiteral("<Future at 0x7ffac0c83cd0 state=running>\n")),
                 QStringLiteral("<Future at 0x\u2026 state=running>\n"));
        QCOMPARE(OutputNormalizer::replaceAddresses(QStringLiteral("0x1 and 0xdeadbeef, 0XAB, 10x")),
                 QStringLiteral("0x\u2026 and 0x\u2026, 0XAB, 10x"));
    }

    void theItemsOfAPrintedSetOfReprsAreSorted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("two tasks") << QStringLiteral("{<Task name='n2'>, <Task name='n1'>}\n")
                                   << QStringLiteral("{<Task name='n1'>, <Task name='n2'>}\n");
        QTest::newRow("nested reprs") << QStringLiteral("{<T b coro=<f() done>>, <T a coro=<g() done>>}")
                                      << QStringLiteral("{<T a coro=<g() done>>, <T b coro=<f() done>>}");
        QTest::newRow("brackets in quotes") << QStringLiteral("x {<B r='>}'>, <A r=\"<\">} y")
                                            << QStringLiteral("x {<A r=\"<\">, <B r='>}'>} y");
        QTest::newRow("two sets on a line") << QStringLiteral("{<b>, <a>} {<d>, <c>, <a>}")
                                            << QStringLiteral("{<a>, <b>} {<a>, <c>, <d>}");
        QTest::newRow("a set of numbers is left alone") << QStringLiteral("{3, 1, 2}") << QStringLiteral("{3, 1, 2}");
        QTest::newRow("a dict is left alone") << QStringLiteral("{'b': <x>, 'a': <y>}")
                                              << QStringLiteral("{'b': <x>, 'a': <y>}");
        QTest::newRow("an unclosed set is left alone") << QStringLiteral("{<b>, <a>\n}") << QStringLiteral("{<b>, <a>\n}");
        QTest::newRow("code point order") << QStringLiteral("{<\u8fd4>, <z>}") << QStringLiteral("{<z>, <\u8fd4>}");
    }

    void theItemsOfAPrintedSetOfReprsAreSorted()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QCOMPARE(OutputNormalizer::sortSetItems(text), normalized);
    }

    void linesAreComparedAsASortedMultiset()
    {
        QCOMPARE(OutputNormalizer::sortLines(QStringLiteral("3\n1\n2\n1\n")), QStringLiteral("1\n1\n2\n3\n"));
        QCOMPARE(OutputNormalizer::sortLines(QStringLiteral("b\na")), QStringLiteral("a\nb"));
        QCOMPARE(OutputNormalizer::sortLines(QString()), QString());
        // The final line break stays final even though "" sorts first.
        QCOMPARE(OutputNormalizer::sortLines(QStringLiteral("b\n\na\n")), QStringLiteral("\na\nb\n"));
    }

    void rulesApplyInTheirFixedOrderWhateverTheListedOrder()
    {
        // Addresses first: the sets then sort by what stays the same between runs.
        const QString text = QStringLiteral("<F at 0xff state=pending>\n{<T at 0x2 b>, <T at 0x1 a>}\n"
                                            "<F at 0xaa state=running>\n");
        const OutputNormalizer all({NormalizeRule::LineOrder, NormalizeRule::SetOrder, NormalizeRule::Addresses});
        const QString want = QStringLiteral("<F at 0x\u2026 state=pending>\n<F at 0x\u2026 state=running>\n"
                                            "{<T at 0x\u2026 a>, <T at 0x\u2026 b>}\n");
        QCOMPARE(all.apply(text), want);
        QCOMPARE(all.apply(want), want);
        QVERIFY(OutputNormalizer().isEmpty());
        QCOMPARE(OutputNormalizer().apply(text), text);
        QCOMPARE(OutputNormalizer({NormalizeRule::Addresses}).apply(QStringLiteral("b 0x1\na\n")),
                 QStringLiteral("b 0x\u2026\na\n"));
    }

    void ruleNamesRoundTrip()
    {
        QCOMPARE(OutputNormalizer::ruleNames(),
                 (QStringList{QStringLiteral("addresses"), QStringLiteral("set-order"), QStringLiteral("line-order")}));
        for (const QString& name : OutputNormalizer::ruleNames())
            QCOMPARE(OutputNormalizer::nameOf(*OutputNormalizer::ruleNamed(name)), name);
        QVERIFY(!OutputNormalizer::ruleNamed(QStringLiteral("set_order")));
        QVERIFY(!OutputNormalizer::ruleNamed(QString()));
    }
};

QTEST_APPLESS_MAIN(tst_OutputNormalizer)
#include "tst_outputnormalizer.moc"
