#pragma once
// RedisStore: the data of one simulated Redis server (DESIGN.md section 5).
// Commands arrive as Redis does on the wire: a list of byte strings, the
// first naming the command (any case). Replies follow RESP: status, error,
// integer, bulk string, nil or array. Values are byte strings, as in Redis:
// the client turns numbers into their text before sending them.
//
// Hashes keep their fields in insertion order (Redis's small-hash encoding
// does the same), so HGETALL is deterministic. There are no expiries and no
// persistence; every key lives in database 0 unless SELECT chose another.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace coroscope {

/// One RESP reply.
struct RedisReply {
    enum class Kind : std::uint8_t {
        Status,  ///< +OK: `text`
        Error,   ///< -ERR ...: `text` (the whole message, "ERR ..." or "WRONGTYPE ...")
        Integer, ///< :n: `integer`
        Bulk,    ///< $n: `text` (bytes)
        Nil,     ///< $-1: no value
        Array,   ///< *n: `items`
    };
    Kind kind = Kind::Nil;
    std::string text;
    std::int64_t integer = 0;
    std::vector<RedisReply> items;

    static RedisReply status(std::string s) { return {Kind::Status, std::move(s), 0, {}}; }
    static RedisReply error(std::string s) { return {Kind::Error, std::move(s), 0, {}}; }
    static RedisReply number(std::int64_t n) { return {Kind::Integer, {}, n, {}}; }
    static RedisReply bulk(std::string s) { return {Kind::Bulk, std::move(s), 0, {}}; }
    static RedisReply nil() { return {}; }
    static RedisReply array(std::vector<RedisReply> items) { return {Kind::Array, {}, 0, std::move(items)}; }
};

/// The per-connection state a command may change (AUTH, SELECT).
struct RedisSession {
    bool authenticated = false;
    int database = 0;
};

class RedisStore {
public:
    /// `password` empty: AUTH is accepted with any password (and not required).
    explicit RedisStore(std::string password = {});

    /// Runs one command for `session` and returns its reply. Unknown commands
    /// and wrong argument counts give Redis's error replies.
    RedisReply execute(RedisSession& session, const std::vector<std::string>& command);

    /// The commands execute() understands, upper case, sorted (for docs and tests).
    static std::vector<std::string_view> commandNames();

private:
    struct Hash {
        std::vector<std::pair<std::string, std::string>> fields; ///< insertion order
        std::string* find(std::string_view field);
    };
    struct Value {
        enum class Type : std::uint8_t { String, Hash, List, Set };
        Type type = Type::String;
        std::string string;
        Hash hash;
        std::vector<std::string> list;
        std::set<std::string> set;
    };
    using Database = std::map<std::string, Value>;

    RedisReply run(RedisSession& s, std::string_view name, const std::vector<std::string>& a);
    RedisReply runString(Database& db, std::string_view name, const std::vector<std::string>& a);
    RedisReply runHash(Database& db, std::string_view name, const std::vector<std::string>& a);
    RedisReply runList(Database& db, std::string_view name, const std::vector<std::string>& a);
    RedisReply runSet(Database& db, std::string_view name, const std::vector<std::string>& a);
    /// The value at `key` if it has `type`; `wrong` set when it exists with another type.
    Value* lookup(Database& db, const std::string& key, Value::Type type, bool& wrong);

    std::string m_password;
    std::map<int, Database> m_databases;
};

} // namespace coroscope
