#include "core/runtime/world/services/RedisStore.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace coroscope {

namespace {

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool parseInt(std::string_view s, std::int64_t& out)
{
    if (s.empty()) return false;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && p == end;
}

/// Redis's glob for KEYS: `*`, `?` and literal characters.
bool globMatch(std::string_view pattern, std::string_view text)
{
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

RedisReply wrongArgs(std::string_view name)
{
    return RedisReply::error("ERR wrong number of arguments for '" + lower(name) + "' command");
}

RedisReply wrongType()
{
    return RedisReply::error("WRONGTYPE Operation against a key holding the wrong kind of value");
}

RedisReply notInteger() { return RedisReply::error("ERR value is not an integer or out of range"); }

RedisReply bulkArray(const std::vector<std::string>& values)
{
    std::vector<RedisReply> items;
    items.reserve(values.size());
    for (const std::string& v : values) items.push_back(RedisReply::bulk(v));
    return RedisReply::array(std::move(items));
}

/// Minimum argument count (after the name) and whether extra arguments come in groups of `step`.
struct Arity {
    std::string_view name;
    std::size_t min;
    std::size_t max; ///< SIZE_MAX: unbounded
    std::size_t step = 1;
};

constexpr std::size_t kMany = static_cast<std::size_t>(-1);

constexpr Arity kCommands[] = {
    {"APPEND", 2, 2},  {"AUTH", 1, 2},     {"DBSIZE", 0, 0},   {"DECR", 1, 1},     {"DECRBY", 2, 2},
    {"DEL", 1, kMany}, {"ECHO", 1, 1},     {"EXISTS", 1, kMany}, {"FLUSHDB", 0, 1}, {"GET", 1, 1},
    {"GETSET", 2, 2},  {"HDEL", 2, kMany}, {"HEXISTS", 2, 2},  {"HGET", 2, 2},     {"HGETALL", 1, 1},
    {"HINCRBY", 3, 3}, {"HKEYS", 1, 1},    {"HLEN", 1, 1},     {"HMGET", 2, kMany}, {"HMSET", 3, kMany, 2},
    {"HSET", 3, kMany, 2}, {"HVALS", 1, 1}, {"INCR", 1, 1},   {"INCRBY", 2, 2},   {"KEYS", 1, 1},
    {"LLEN", 1, 1},    {"LPOP", 1, 1},     {"LPUSH", 2, kMany}, {"LRANGE", 3, 3},  {"MGET", 1, kMany},
    {"MSET", 2, kMany, 2}, {"PING", 0, 1}, {"QUIT", 0, 0},    {"RPOP", 1, 1},     {"RPUSH", 2, kMany},
    {"SADD", 2, kMany}, {"SCARD", 1, 1},   {"SELECT", 1, 1},   {"SET", 2, kMany},  {"SISMEMBER", 2, 2},
    {"SMEMBERS", 1, 1}, {"SREM", 2, kMany}, {"STRLEN", 1, 1},  {"TYPE", 1, 1},
};

} // namespace

RedisStore::RedisStore(std::string password) : m_password(std::move(password)) {}

std::string* RedisStore::Hash::find(std::string_view field)
{
    for (auto& [k, v] : fields)
        if (k == field) return &v;
    return nullptr;
}

std::vector<std::string_view> RedisStore::commandNames()
{
    std::vector<std::string_view> names;
    for (const Arity& a : kCommands) names.push_back(a.name);
    return names;
}

RedisReply RedisStore::execute(RedisSession& session, const std::vector<std::string>& command)
{
    if (command.empty()) return RedisReply::error("ERR empty command");
    const std::string name = upper(command[0]);
    const std::vector<std::string> args(command.begin() + 1, command.end());
    const Arity* arity = nullptr;
    for (const Arity& a : kCommands)
        if (a.name == name) arity = &a;
    if (!arity) {
        std::string msg = "ERR unknown command '" + command[0] + "', with args beginning with: ";
        for (const std::string& a : args) msg += "'" + a + "' ";
        return RedisReply::error(std::move(msg));
    }
    if (args.size() < arity->min || args.size() > arity->max ||
        (arity->step > 1 && (args.size() - arity->min) % arity->step != 0))
        return wrongArgs(name);
    if (!m_password.empty() && !session.authenticated && name != "AUTH" && name != "QUIT")
        return RedisReply::error("NOAUTH Authentication required.");
    return run(session, name, args);
}

RedisReply RedisStore::run(RedisSession& s, std::string_view name, const std::vector<std::string>& a)
{
    if (name == "AUTH") {
        const std::string& given = a.back();
        if (!m_password.empty() && given != m_password)
            return RedisReply::error("WRONGPASS invalid username-password pair or user is disabled.");
        s.authenticated = true;
        return RedisReply::status("OK");
    }
    if (name == "PING") return a.empty() ? RedisReply::status("PONG") : RedisReply::bulk(a[0]);
    if (name == "ECHO") return RedisReply::bulk(a[0]);
    if (name == "QUIT") return RedisReply::status("OK");
    if (name == "SELECT") {
        std::int64_t index = 0;
        if (!parseInt(a[0], index)) return notInteger();
        if (index < 0 || index > 15) return RedisReply::error("ERR DB index is out of range");
        s.database = int(index);
        return RedisReply::status("OK");
    }
    Database& db = m_databases[s.database];
    if (name == "FLUSHDB") {
        db.clear();
        return RedisReply::status("OK");
    }
    if (name == "DBSIZE") return RedisReply::number(std::int64_t(db.size()));
    if (name == "KEYS") {
        std::vector<std::string> keys;
        for (const auto& [k, v] : db)
            if (globMatch(a[0], k)) keys.push_back(k);
        return bulkArray(keys);
    }
    if (name == "EXISTS" || name == "DEL") {
        std::int64_t n = 0;
        for (const std::string& k : a) {
            if (name == "EXISTS") n += db.count(k) ? 1 : 0;
            else n += std::int64_t(db.erase(k));
        }
        return RedisReply::number(n);
    }
    if (name == "TYPE") {
        auto it = db.find(a[0]);
        if (it == db.end()) return RedisReply::status("none");
        static constexpr const char* kNames[] = {"string", "hash", "list", "set"};
        return RedisReply::status(kNames[int(it->second.type)]);
    }
    if (name.front() == 'H') return runHash(db, name, a);
    if (name == "LPUSH" || name == "RPUSH" || name == "LPOP" || name == "RPOP" || name == "LRANGE" || name == "LLEN")
        return runList(db, name, a);
    if (name.front() == 'S' && name != "SET" && name != "STRLEN") return runSet(db, name, a);
    return runString(db, name, a);
}

RedisStore::Value* RedisStore::lookup(Database& db, const std::string& key, Value::Type type, bool& wrong)
{
    wrong = false;
    auto it = db.find(key);
    if (it == db.end()) return nullptr;
    if (it->second.type != type) {
        wrong = true;
        return nullptr;
    }
    return &it->second;
}

RedisReply RedisStore::runString(Database& db, std::string_view name, const std::vector<std::string>& a)
{
    bool wrong = false;
    if (name == "SET") {
        bool nx = false, xx = false;
        for (std::size_t i = 2; i < a.size(); ++i) {
            const std::string opt = upper(a[i]);
            if (opt == "NX") nx = true;
            else if (opt == "XX") xx = true;
            else return RedisReply::error("ERR syntax error");
        }
        const bool exists = db.count(a[0]) != 0;
        if ((nx && exists) || (xx && !exists)) return RedisReply::nil();
        Value v;
        v.string = a[1];
        db[a[0]] = std::move(v);
        return RedisReply::status("OK");
    }
    if (name == "MSET") {
        for (std::size_t i = 0; i + 1 < a.size(); i += 2) {
            Value v;
            v.string = a[i + 1];
            db[a[i]] = std::move(v);
        }
        return RedisReply::status("OK");
    }
    if (name == "MGET") {
        std::vector<RedisReply> items;
        for (const std::string& k : a) {
            Value* v = lookup(db, k, Value::Type::String, wrong);
            items.push_back(v ? RedisReply::bulk(v->string) : RedisReply::nil());
        }
        return RedisReply::array(std::move(items));
    }
    Value* v = lookup(db, a[0], Value::Type::String, wrong);
    if (wrong) return wrongType();
    if (name == "GET") return v ? RedisReply::bulk(v->string) : RedisReply::nil();
    if (name == "STRLEN") return RedisReply::number(v ? std::int64_t(v->string.size()) : 0);
    if (name == "GETSET") {
        RedisReply old = v ? RedisReply::bulk(v->string) : RedisReply::nil();
        Value nv;
        nv.string = a[1];
        db[a[0]] = std::move(nv);
        return old;
    }
    if (!v) v = &db[a[0]];
    if (name == "APPEND") {
        v->string += a[1];
        return RedisReply::number(std::int64_t(v->string.size()));
    }
    // INCR, DECR, INCRBY, DECRBY
    std::int64_t current = 0, by = 1;
    if (!v->string.empty() && !parseInt(v->string, current)) return notInteger();
    if ((name == "INCRBY" || name == "DECRBY") && !parseInt(a[1], by)) return notInteger();
    if (name == "DECR" || name == "DECRBY") by = -by;
    current += by;
    v->string = std::to_string(current);
    return RedisReply::number(current);
}

RedisReply RedisStore::runHash(Database& db, std::string_view name, const std::vector<std::string>& a)
{
    bool wrong = false;
    Value* v = lookup(db, a[0], Value::Type::Hash, wrong);
    if (wrong) return wrongType();
    if (name == "HSET" || name == "HMSET") {
        if (!v) {
            v = &db[a[0]];
            v->type = Value::Type::Hash;
        }
        std::int64_t added = 0;
        for (std::size_t i = 1; i + 1 < a.size(); i += 2) {
            if (std::string* f = v->hash.find(a[i])) {
                *f = a[i + 1];
            } else {
                v->hash.fields.emplace_back(a[i], a[i + 1]);
                ++added;
            }
        }
        return name == "HSET" ? RedisReply::number(added) : RedisReply::status("OK");
    }
    if (name == "HINCRBY") {
        std::int64_t by = 0, current = 0;
        if (!parseInt(a[2], by)) return notInteger();
        if (!v) {
            v = &db[a[0]];
            v->type = Value::Type::Hash;
        }
        std::string* f = v->hash.find(a[1]);
        if (f && !parseInt(*f, current)) return RedisReply::error("ERR hash value is not an integer");
        current += by;
        if (f) *f = std::to_string(current);
        else v->hash.fields.emplace_back(a[1], std::to_string(current));
        return RedisReply::number(current);
    }
    if (name == "HGET") {
        std::string* f = v ? v->hash.find(a[1]) : nullptr;
        return f ? RedisReply::bulk(*f) : RedisReply::nil();
    }
    if (name == "HMGET") {
        std::vector<RedisReply> items;
        for (std::size_t i = 1; i < a.size(); ++i) {
            std::string* f = v ? v->hash.find(a[i]) : nullptr;
            items.push_back(f ? RedisReply::bulk(*f) : RedisReply::nil());
        }
        return RedisReply::array(std::move(items));
    }
    if (name == "HEXISTS") return RedisReply::number(v && v->hash.find(a[1]) ? 1 : 0);
    if (name == "HLEN") return RedisReply::number(v ? std::int64_t(v->hash.fields.size()) : 0);
    if (name == "HDEL") {
        std::int64_t removed = 0;
        for (std::size_t i = 1; v && i < a.size(); ++i)
            removed += std::int64_t(std::erase_if(v->hash.fields, [&](const auto& kv) { return kv.first == a[i]; }));
        if (v && v->hash.fields.empty()) db.erase(a[0]);
        return RedisReply::number(removed);
    }
    std::vector<std::string> out; // HGETALL, HKEYS, HVALS
    for (const auto& [k, val] : v ? v->hash.fields : std::vector<std::pair<std::string, std::string>>{}) {
        if (name != "HVALS") out.push_back(k);
        if (name != "HKEYS") out.push_back(val);
    }
    return bulkArray(out);
}

RedisReply RedisStore::runList(Database& db, std::string_view name, const std::vector<std::string>& a)
{
    bool wrong = false;
    Value* v = lookup(db, a[0], Value::Type::List, wrong);
    if (wrong) return wrongType();
    if (name == "LPUSH" || name == "RPUSH") {
        if (!v) {
            v = &db[a[0]];
            v->type = Value::Type::List;
        }
        for (std::size_t i = 1; i < a.size(); ++i) {
            if (name == "LPUSH") v->list.insert(v->list.begin(), a[i]);
            else v->list.push_back(a[i]);
        }
        return RedisReply::number(std::int64_t(v->list.size()));
    }
    if (name == "LLEN") return RedisReply::number(v ? std::int64_t(v->list.size()) : 0);
    if (name == "LPOP" || name == "RPOP") {
        if (!v) return RedisReply::nil();
        std::string item;
        if (name == "LPOP") {
            item = v->list.front();
            v->list.erase(v->list.begin());
        } else {
            item = v->list.back();
            v->list.pop_back();
        }
        if (v->list.empty()) db.erase(a[0]);
        return RedisReply::bulk(std::move(item));
    }
    std::int64_t start = 0, stop = 0; // LRANGE
    if (!parseInt(a[1], start) || !parseInt(a[2], stop)) return notInteger();
    const std::int64_t n = v ? std::int64_t(v->list.size()) : 0;
    if (start < 0) start = std::max<std::int64_t>(0, n + start);
    if (stop < 0) stop = n + stop;
    stop = std::min(stop, n - 1);
    std::vector<std::string> out;
    for (std::int64_t i = start; i <= stop; ++i) out.push_back(v->list[std::size_t(i)]);
    return bulkArray(out);
}

RedisReply RedisStore::runSet(Database& db, std::string_view name, const std::vector<std::string>& a)
{
    bool wrong = false;
    Value* v = lookup(db, a[0], Value::Type::Set, wrong);
    if (wrong) return wrongType();
    if (name == "SADD") {
        if (!v) {
            v = &db[a[0]];
            v->type = Value::Type::Set;
        }
        std::int64_t added = 0;
        for (std::size_t i = 1; i < a.size(); ++i) added += v->set.insert(a[i]).second ? 1 : 0;
        return RedisReply::number(added);
    }
    if (name == "SREM") {
        std::int64_t removed = 0;
        for (std::size_t i = 1; v && i < a.size(); ++i) removed += std::int64_t(v->set.erase(a[i]));
        if (v && v->set.empty()) db.erase(a[0]);
        return RedisReply::number(removed);
    }
    if (name == "SCARD") return RedisReply::number(v ? std::int64_t(v->set.size()) : 0);
    if (name == "SISMEMBER") return RedisReply::number(v && v->set.count(a[1]) ? 1 : 0);
    // SMEMBERS: sorted, so the order never depends on hashing.
    return bulkArray(v ? std::vector<std::string>(v->set.begin(), v->set.end()) : std::vector<std::string>{});
}

} // namespace coroscope
