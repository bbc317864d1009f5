// WorldJson: a lesson's "world" object (and `--world FILE.json`) as the
// core's WorldConfig, with errors that name the bad field.

#include "lessons/loader/WorldJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace coroscope;
using namespace coroscope::lessons;

namespace {

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_WorldJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theLessonFormatFillsEveryField()
    {
        WorldConfig w;
        QString error;
        const char* json =
            "{\"urls\": {\"https://a.example/x.jpg\": {\"latency\": 1, \"size\": 8045}},"
            " \"hosts\": {\"b.example\": {\"latency\": 0.05, \"error\": \"refused\"},"
            "            \"c.example:6379\": {\"error\": \"timeout\", \"status\": 503, \"body\": \"hi\","
            "                                \"contentType\": \"text/plain\"}},"
            " \"defaultLatency\": 0.2, \"serviceLatency\": 0.001, \"uvloop\": true,"
            " \"clients\": [{\"name\": \"A\", \"at\": 0.5, \"path\": \"/red\", \"repeat\": 3, \"every\": 0.5,"
            "               \"method\": \"POST\"}]}";
        QVERIFY2(worldFromJson(parse(json), w, error), qPrintable(error));
        QCOMPARE(*w.urls.at("https://a.example/x.jpg").latency, 1.0);
        QCOMPARE(*w.urls.at("https://a.example/x.jpg").size, std::uint64_t(8045));
        QCOMPARE(int(w.hosts.at("b.example").failure), int(WorldFailure::Refused));
        QCOMPARE(*w.hosts.at("b.example").latency, 0.05);
        const WorldEndpoint& c = w.hosts.at("c.example:6379");
        QCOMPARE(int(c.failure), int(WorldFailure::Timeout));
        QCOMPARE(*c.status, 503);
        QCOMPARE(QString::fromStdString(*c.body), QStringLiteral("hi"));
        QCOMPARE(QString::fromStdString(*c.contentType), QStringLiteral("text/plain"));
        QCOMPARE(*w.defaultLatency, 0.2);
        QCOMPARE(*w.serviceLatency, 0.001);
        QVERIFY(w.uvloop);
        QCOMPARE(w.clients.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(w.clients[0].name), QStringLiteral("A"));
        QCOMPARE(QString::fromStdString(w.clients[0].method), QStringLiteral("POST"));
        QCOMPARE(QString::fromStdString(w.clients[0].path), QStringLiteral("/red"));
        QCOMPARE(w.clients[0].at, 0.5);
        QCOMPARE(w.clients[0].repeat, 3);
        QCOMPARE(w.clients[0].every, 0.5);
    }

    void anEmptyWorldHasNoConfig()
    {
        QString error;
        QVERIFY(!worldConfigOf(QJsonObject(), error));
        QVERIFY(error.isEmpty());
        QVERIFY(worldConfigOf(parse("{\"hosts\": {}}"), error));
    }

    void aBadFieldIsNamedInTheError_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("latency text") << QStringLiteral("{\"urls\": {\"https://x/\": {\"latency\": \"1s\"}}}")
                                      << QStringLiteral("world.urls[\"https://x/\"].latency: expected a number >= 0, got the string \"1s\"");
        QTest::newRow("negative latency") << QStringLiteral("{\"hosts\": {\"h\": {\"latency\": -1}}}")
                                          << QStringLiteral("world.hosts[\"h\"].latency: expected a number >= 0, got -1");
        QTest::newRow("fractional size") << QStringLiteral("{\"hosts\": {\"h\": {\"size\": 1.5}}}")
                                         << QStringLiteral("world.hosts[\"h\"].size: expected an integer >= 0, got 1.5");
        QTest::newRow("unknown error") << QStringLiteral("{\"hosts\": {\"h\": {\"error\": \"dns\"}}}")
                                       << QStringLiteral("world.hosts[\"h\"].error: unknown error \"dns\" (expected one of: timeout, refused, reset, none)");
        QTest::newRow("unknown endpoint field") << QStringLiteral("{\"hosts\": {\"h\": {\"delay\": 1}}}")
                                                << QStringLiteral("world.hosts[\"h\"].delay: unknown field (expected one of: latency, size, status, error, body, contentType)");
        QTest::newRow("unknown top field") << QStringLiteral("{\"host\": {}}")
                                           << QStringLiteral("world.host: unknown field (expected one of: hosts, urls, clients, defaultLatency, serviceLatency, uvloop)");
        QTest::newRow("client path") << QStringLiteral("{\"clients\": [{\"name\": \"A\"}, {\"path\": \"red\"}]}")
                                     << QStringLiteral("world.clients[1].path: expected a path starting with \"/\", got \"red\"");
        QTest::newRow("clients object") << QStringLiteral("{\"clients\": {}}")
                                        << QStringLiteral("world.clients: expected a list, got an object");
        QTest::newRow("status range") << QStringLiteral("{\"urls\": {\"https://u/\": {\"status\": 700}}}")
                                      << QStringLiteral("world.urls[\"https://u/\"].status: expected an HTTP status between 100 and 599, got 700");
        QTest::newRow("every bad field, a line each")
            << QStringLiteral("{\"hosts\": {\"a/b\": {\"latency\": -2}}, \"uvloop\": 1}")
            << QStringLiteral("world.uvloop: expected true or false, got 1\n"
                              "world.hosts[\"a/b\"]: a host is a name or an address without scheme or path; "
                              "put whole URLs under \"urls\"\n"
                              "world.hosts[\"a/b\"].latency: expected a number >= 0, got -2");
    }

    void aBadFieldIsNamedInTheError()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        WorldConfig w;
        QString error;
        QVERIFY(!worldFromJson(QJsonDocument::fromJson(json.toUtf8()).object(), w, error));
        QCOMPARE(error, message);
    }

    void aFileMayHoldTheWorldOrAProgramEntryWithIt()
    {
        QTemporaryDir dir;
        const QString bare = dir.filePath(QStringLiteral("bare.json"));
        const QString entry = dir.filePath(QStringLiteral("entry.json"));
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        auto write = [](const QString& path, const char* text) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(bare, "{\"hosts\": {\"h\": {\"latency\": 2}}}");
        write(entry, "{\"file\": \"x.py\", \"world\": {\"hosts\": {\"h\": {\"latency\": 3}}}}");
        write(broken, "{\"hosts\": ");
        WorldConfig a, b, c;
        QString error;
        QVERIFY2(worldFromFile(bare, a, error), qPrintable(error));
        QCOMPARE(*a.hosts.at("h").latency, 2.0);
        QVERIFY2(worldFromFile(entry, b, error), qPrintable(error));
        QCOMPARE(*b.hosts.at("h").latency, 3.0);
        QVERIFY(!worldFromFile(broken, c, error));
        QVERIFY2(error.startsWith(broken + QStringLiteral(": not valid JSON")), qPrintable(error));
        QVERIFY(!worldFromFile(dir.filePath(QStringLiteral("missing.json")), c, error));
        QVERIFY2(error.endsWith(QStringLiteral("cannot read the file")), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(tst_WorldJson)
#include "tst_worldjson.moc"
