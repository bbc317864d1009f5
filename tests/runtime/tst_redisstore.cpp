// RedisStore: the data and command set of one simulated Redis server.

#include "core/runtime/world/services/RedisStore.h"

#include <QString>
#include <QtTest>

#include <string>
#include <vector>

using namespace coroscope;

namespace {

/// A reply as one line: +status, -error, :integer, "bulk", nil, [items].
std::string show(const RedisReply& r)
{
    std::string s;
    switch (r.kind) {
    case RedisReply::Kind::Status: s.append(1, '+').append(r.text); break;
    case RedisReply::Kind::Error: s.append(1, '-').append(r.text); break;
    case RedisReply::Kind::Integer: s.append(1, ':').append(std::to_string(r.integer)); break;
    case RedisReply::Kind::Bulk: s.append(1, '"').append(r.text).append(1, '"'); break;
    case RedisReply::Kind::Nil: s.append("nil"); break;
    case RedisReply::Kind::Array:
        s.append(1, '[');
        for (std::size_t i = 0; i < r.items.size(); ++i) {
            if (i) s.append(1, ' ');
            s.append(show(r.items[i]));
        }
        s.append(1, ']');
        break;
    }
    return s;
}

/// Runs the commands (words split on spaces) and joins the replies with " | ".
std::string script(RedisStore& store, RedisSession& session, std::initializer_list<const char*> commands)
{
    std::string log;
    for (const char* c : commands) {
        std::vector<std::string> words;
        for (QString w : QString::fromUtf8(c).split(QLatin1Char(' '), Qt::SkipEmptyParts)) words.push_back(w.toStdString());
        if (!log.empty()) log += " | ";
        log += show(store.execute(session, words));
    }
    return log;
}

} // namespace

class tst_RedisStore : public QObject {
    Q_OBJECT

private slots:
    void hashesKeepTheirFieldsInInsertionOrder()
    {
        RedisStore store;
        RedisSession s;
        QCOMPARE(QString::fromStdString(script(store, s, {"HMSET car key2 2 key1 1 key3 3", "HSET car key1 9 key4 4",
                                                         "HGETALL car", "HKEYS car", "HGET car nope", "HLEN car"})),
                 QStringLiteral("+OK | :1 | [\"key2\" \"2\" \"key1\" \"9\" \"key3\" \"3\" \"key4\" \"4\"] | "
                                "[\"key2\" \"key1\" \"key3\" \"key4\"] | nil | :4"));
    }

    void stringsCountersAndKeys()
    {
        RedisStore store;
        RedisSession s;
        QCOMPARE(QString::fromStdString(script(store, s, {"set a 1", "INCR a", "INCRBY a 10", "GET a", "SET a x NX",
                                                         "APPEND a !", "KEYS *", "DEL a b", "EXISTS a", "GET a"})),
                 QStringLiteral("+OK | :2 | :12 | \"12\" | nil | :3 | [\"a\"] | :1 | :0 | nil"));
    }

    void listsAndSets()
    {
        RedisStore store;
        RedisSession s;
        QCOMPARE(QString::fromStdString(script(store, s, {"RPUSH l a b", "LPUSH l z", "LRANGE l 0 -1", "LPOP l",
                                                         "LLEN l", "SADD s b a b", "SMEMBERS s", "SISMEMBER s c"})),
                 QStringLiteral(":2 | :3 | [\"z\" \"a\" \"b\"] | \"z\" | :2 | :2 | [\"a\" \"b\"] | :0"));
    }

    void errorsAreRedisErrorReplies()
    {
        RedisStore store;
        RedisSession s;
        QCOMPARE(QString::fromStdString(script(store, s, {"SET k v", "HGETALL k", "GET", "INCR k", "NOPE x"})),
                 QStringLiteral("+OK | -WRONGTYPE Operation against a key holding the wrong kind of value | "
                                "-ERR wrong number of arguments for 'get' command | "
                                "-ERR value is not an integer or out of range | "
                                "-ERR unknown command 'NOPE', with args beginning with: 'x' "));
    }

    void databasesAreSeparateAndAPasswordIsEnforced()
    {
        RedisStore store("pw");
        RedisSession s;
        QCOMPARE(QString::fromStdString(script(store, s, {"GET k", "AUTH bad", "AUTH pw", "SET k 0", "SELECT 2",
                                                         "GET k", "SELECT 0", "GET k"})),
                 QStringLiteral("-NOAUTH Authentication required. | "
                                "-WRONGPASS invalid username-password pair or user is disabled. | "
                                "+OK | +OK | +OK | nil | +OK | \"0\""));
    }
};

QTEST_APPLESS_MAIN(tst_RedisStore)
#include "tst_redisstore.moc"
