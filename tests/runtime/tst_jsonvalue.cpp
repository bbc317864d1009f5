// JsonValue (core/runtime/world/detail/JsonValue.h): the strict JSON reader
// behind the world files, without Qt.

#include "core/runtime/world/detail/JsonValue.h"
#include "core/runtime/world/WorldJson.h"

#include <QTest>

using coroscope::detail::JsonValue;
using coroscope::detail::parseJson;

class tst_JsonValue : public QObject {
    Q_OBJECT

private slots:
    void objectsKeepTheirMembersInDocumentOrder()
    {
        JsonValue v;
        std::string error;
        QVERIFY2(parseJson(" {\"b\": 1, \"a\": [true, false, null], \"c\": {\"x\": -2.5e1}} ", v, error), error.c_str());
        std::string keys;
        for (const auto& [key, member] : v.members)
            keys += key + " ";
        QCOMPARE(QString::fromStdString(keys), QStringLiteral("b a c "));
        QCOMPARE(v.find("b")->number, 1.0);
        QCOMPARE(int(v.find("a")->items.size()), 3);
        QCOMPARE(int(v.find("a")->items[2].kind), int(JsonValue::Kind::Null));
        QCOMPARE(v.find("c")->find("x")->number, -25.0);
        QVERIFY(!v.find("missing"));
    }

    void stringEscapesDecodeToUtf8()
    {
        JsonValue v;
        std::string error;
        QVERIFY2(parseJson("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d\\ud83d\\ude00\"", v, error), error.c_str());
        QCOMPARE(QString::fromStdString(v.text), QStringLiteral("a\"b\\c/d\n\t\u00e9\u4e2d\U0001F600"));
    }

    void badTextFailsWithItsOffset_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("trailing comma") << QStringLiteral("{\"a\": 1,}") << QStringLiteral("offset 8: expected a member name in double quotes");
        QTest::newRow("missing colon") << QStringLiteral("{\"a\" 1}") << QStringLiteral("offset 5: expected ':'");
        QTest::newRow("bare word") << QStringLiteral("[1, two]") << QStringLiteral("offset 4: expected a JSON value");
        QTest::newRow("leading zero kept apart") << QStringLiteral("012") << QStringLiteral("offset 1: unexpected text after the JSON value");
        QTest::newRow("unterminated string") << QStringLiteral("\"abc") << QStringLiteral("offset 4: unterminated string");
        QTest::newRow("control character") << QStringLiteral("\"a\nb\"") << QStringLiteral("offset 3: control character in a string");
        QTest::newRow("bad escape") << QStringLiteral("\"\\x\"") << QStringLiteral("offset 3: unknown escape in a string");
        QTest::newRow("empty") << QString() << QStringLiteral("offset 0: expected a JSON value");
    }

    void badTextFailsWithItsOffset()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        JsonValue v;
        std::string message;
        QVERIFY(!parseJson(text.toStdString(), v, message));
        QCOMPARE(QString::fromStdString(message), error);
    }

    void deepNestingIsRefusedNotACrash()
    {
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        JsonValue v;
        std::string error;
        QVERIFY(!parseJson(deep, v, error));
        QVERIFY2(error.find("nested too deeply") != std::string::npos, error.c_str());
    }

    void aWorldFileMayWrapTheWorldInAProgramObject()
    {
        coroscope::WorldConfig plain, wrapped;
        QVERIFY(coroscope::readWorldJson("{\"hosts\": {\"h\": {\"latency\": 2}}}", "world", plain, true).empty());
        QVERIFY(coroscope::readWorldJson("{\"file\": \"x.py\", \"world\": {\"hosts\": {\"h\": {\"latency\": 3}}}}", "world",
                                         wrapped, true)
                    .empty());
        QCOMPARE(*plain.hosts.at("h").latency, 2.0);
        QCOMPARE(*wrapped.hosts.at("h").latency, 3.0);
        coroscope::WorldConfig list;
        const auto errors = coroscope::readWorldJson("[1]", "world", list, true);
        QCOMPARE(QString::fromStdString(coroscope::describeWorldErrors(errors)),
                 QStringLiteral("world: expected an object, got a list"));
    }
};

QTEST_APPLESS_MAIN(tst_JsonValue)
#include "tst_jsonvalue.moc"
