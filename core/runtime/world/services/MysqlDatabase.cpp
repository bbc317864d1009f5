#include "core/runtime/world/services/MysqlDatabase.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace coroscope {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Token {
    enum class Kind : std::uint8_t { Word, Quoted, Number, String, Symbol, End };
    Kind kind = Kind::End;
    std::string text;
    std::size_t offset = 0; ///< where it starts in the statement (for "near '...'")
};

std::vector<Token> tokenize(std::string_view sql, bool& ok)
{
    std::vector<Token> out;
    ok = true;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        Token t;
        t.offset = i;
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_' || sql[j] == '$'))
                ++j;
            t.kind = Token::Kind::Word;
            t.text = sql.substr(i, j - i);
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
            t.kind = Token::Kind::Number;
            t.text = sql.substr(i, j - i);
            i = j;
        } else if (c == '\'' || c == '"' || c == '`') {
            std::size_t j = i + 1;
            std::string text;
            while (j < sql.size() && sql[j] != c) {
                if (sql[j] == '\\' && j + 1 < sql.size()) ++j;
                text += sql[j++];
            }
            if (j >= sql.size()) {
                ok = false;
                return out;
            }
            t.kind = c == '`' ? Token::Kind::Quoted : Token::Kind::String;
            t.text = std::move(text);
            i = j + 1;
        } else {
            static constexpr std::string_view kTwo[] = {"<=", ">=", "!=", "<>"};
            t.kind = Token::Kind::Symbol;
            t.text = std::string(1, c);
            for (std::string_view two : kTwo)
                if (sql.substr(i, 2) == two) t.text = std::string(two);
            i += t.text.size();
        }
        out.push_back(std::move(t));
    }
    Token end;
    end.offset = sql.size();
    out.push_back(end);
    return out;
}

/// SQL LIKE: `%` any run, `_` one character, case-insensitive (MySQL's default collation).
bool likeMatch(std::string_view pattern, std::string_view text)
{
    if (pattern.empty()) return text.empty();
    if (pattern[0] == '%') {
        for (std::size_t k = 0; k <= text.size(); ++k)
            if (likeMatch(pattern.substr(1), text.substr(k))) return true;
        return false;
    }
    if (text.empty()) return false;
    const bool same = pattern[0] == '_' || std::tolower(static_cast<unsigned char>(pattern[0])) ==
                                               std::tolower(static_cast<unsigned char>(text[0]));
    return same && likeMatch(pattern.substr(1), text.substr(1));
}

/// MySQL compares strings case-insensitively and a number with a string as numbers.
int compare(const SqlValue& a, const SqlValue& b)
{
    if (std::holds_alternative<std::string>(a) && std::holds_alternative<std::string>(b)) {
        const std::string x = lower(std::get<std::string>(a)), y = lower(std::get<std::string>(b));
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    auto num = [](const SqlValue& v) -> std::int64_t {
        if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
        std::int64_t n = 0;
        const std::string& s = std::get<std::string>(v);
        std::from_chars(s.data(), s.data() + s.size(), n);
        return n;
    };
    const std::int64_t x = num(a), y = num(b);
    return x < y ? -1 : (x > y ? 1 : 0);
}

} // namespace

/// One statement being parsed and run.
class SqlStatement {
public:
    SqlStatement(MysqlDatabase& db, MysqlSession& session, std::string_view sql)
        : m_db(db)
        , m_session(session)
        , m_sql(sql)
    {
    }

    SqlResult run();

private:
    struct Item { ///< a select-list entry
        enum class Kind : std::uint8_t { Column, Literal, Count, Version, Database };
        Kind kind = Kind::Column;
        std::string name; ///< the result column's name
        std::size_t column = 0;
        SqlValue literal;
    };
    struct Operand {
        bool isColumn = false;
        std::size_t column = 0;
        SqlValue literal;
    };
    struct Comparison {
        Operand left, right;
        std::string op;
    };
    using Conjunction = std::vector<Comparison>;

    const Token& peek() const { return m_tokens[m_pos]; }
    bool isWord(std::string_view w) const { return peek().kind == Token::Kind::Word && lower(peek().text) == w; }
    bool acceptWord(std::string_view w);
    bool acceptSymbol(std::string_view s);
    bool identifier(std::string& out);
    bool tableName(MysqlDatabase::Table*& table, std::string& schema, std::string& name);
    bool operand(const MysqlDatabase::Table* table, Operand& out);
    bool condition(const MysqlDatabase::Table* table, std::vector<Conjunction>& out);
    bool matches(const std::vector<Conjunction>& cond, const std::vector<SqlValue>& row) const;
    std::optional<std::size_t> columnIndex(const MysqlDatabase::Table* table, std::string_view name) const;

    SqlResult select();
    SqlResult insert();
    SqlResult show();
    SqlResult use();
    SqlResult fail(int code, std::string message);
    SqlResult syntaxError();

    MysqlDatabase& m_db;
    MysqlSession& m_session;
    std::string_view m_sql;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    std::optional<SqlResult> m_error; ///< set by a helper that failed
};

bool SqlStatement::acceptWord(std::string_view w)
{
    if (!isWord(w)) return false;
    ++m_pos;
    return true;
}

bool SqlStatement::acceptSymbol(std::string_view s)
{
    if (peek().kind != Token::Kind::Symbol || peek().text != s) return false;
    ++m_pos;
    return true;
}

bool SqlStatement::identifier(std::string& out)
{
    if (peek().kind != Token::Kind::Word && peek().kind != Token::Kind::Quoted) return false;
    out = m_tokens[m_pos++].text;
    return true;
}

SqlResult SqlStatement::fail(int code, std::string message)
{
    SqlResult r;
    r.errorCode = code;
    r.errorMessage = std::move(message);
    m_error = r;
    return r;
}

SqlResult SqlStatement::syntaxError()
{
    std::string near(m_sql.substr(std::min(peek().offset, m_sql.size())));
    return fail(1064, "You have an error in your SQL syntax; check the manual that corresponds to your MySQL "
                      "server version for the right syntax to use near '" + near + "' at line 1");
}

std::optional<std::size_t> SqlStatement::columnIndex(const MysqlDatabase::Table* table, std::string_view name) const
{
    if (!table) return std::nullopt;
    for (std::size_t i = 0; i < table->columns.size(); ++i)
        if (lower(table->columns[i]) == lower(name)) return i;
    return std::nullopt;
}

bool SqlStatement::tableName(MysqlDatabase::Table*& table, std::string& schema, std::string& name)
{
    if (!identifier(name)) {
        syntaxError();
        return false;
    }
    schema = m_session.database;
    if (acceptSymbol(".")) {
        schema = name;
        if (!identifier(name)) {
            syntaxError();
            return false;
        }
    }
    if (schema.empty()) {
        fail(1046, "No database selected");
        return false;
    }
    auto s = m_db.m_schemas.find(lower(schema));
    auto t = s == m_db.m_schemas.end() ? decltype(s->second.tables.end())() : s->second.tables.find(lower(name));
    if (s == m_db.m_schemas.end() || t == s->second.tables.end()) {
        fail(1146, "Table '" + schema + "." + name + "' doesn't exist");
        return false;
    }
    table = &t->second;
    return true;
}

bool SqlStatement::operand(const MysqlDatabase::Table* table, Operand& out)
{
    const Token& t = peek();
    if (t.kind == Token::Kind::Number) {
        out.literal = std::int64_t(std::stoll(t.text));
    } else if (t.kind == Token::Kind::String) {
        out.literal = t.text;
    } else if (t.kind == Token::Kind::Word && lower(t.text) == "null") {
        out.literal = std::monostate();
    } else if (t.kind == Token::Kind::Word || t.kind == Token::Kind::Quoted) {
        std::optional<std::size_t> c = columnIndex(table, t.text);
        if (!c) {
            fail(1054, "Unknown column '" + t.text + "' in 'where clause'");
            return false;
        }
        out.isColumn = true;
        out.column = *c;
    } else {
        syntaxError();
        return false;
    }
    ++m_pos;
    return true;
}

bool SqlStatement::condition(const MysqlDatabase::Table* table, std::vector<Conjunction>& out)
{
    out.emplace_back();
    for (;;) {
        Comparison c;
        if (!operand(table, c.left)) return false;
        static constexpr std::string_view kOps[] = {"=", "!=", "<>", "<", ">", "<=", ">="};
        if (acceptWord("like")) {
            c.op = "like";
        } else {
            for (std::string_view op : kOps)
                if (c.op.empty() && acceptSymbol(op)) c.op = op;
            if (c.op.empty()) {
                syntaxError();
                return false;
            }
        }
        if (!operand(table, c.right)) return false;
        out.back().push_back(std::move(c));
        if (acceptWord("and")) continue;
        if (acceptWord("or")) {
            out.emplace_back();
            continue;
        }
        return true;
    }
}

bool SqlStatement::matches(const std::vector<Conjunction>& cond, const std::vector<SqlValue>& row) const
{
    if (cond.empty()) return true;
    for (const Conjunction& all : cond) {
        bool ok = true;
        for (const Comparison& c : all) {
            const SqlValue& l = c.left.isColumn ? row[c.left.column] : c.left.literal;
            const SqlValue& r = c.right.isColumn ? row[c.right.column] : c.right.literal;
            if (std::holds_alternative<std::monostate>(l) || std::holds_alternative<std::monostate>(r)) {
                ok = false;
            } else if (c.op == "like") {
                ok = std::holds_alternative<std::string>(r) && std::holds_alternative<std::string>(l) &&
                     likeMatch(std::get<std::string>(r), std::get<std::string>(l));
            } else {
                const int k = compare(l, r);
                ok = c.op == "=" ? k == 0
                   : (c.op == "!=" || c.op == "<>") ? k != 0
                   : c.op == "<" ? k < 0
                   : c.op == ">" ? k > 0
                   : c.op == "<=" ? k <= 0
                                  : k >= 0;
            }
            if (!ok) break;
        }
        if (ok) return true;
    }
    return false;
}

SqlResult SqlStatement::run()
{
    bool ok = true;
    m_tokens = tokenize(m_sql, ok);
    if (!ok) return syntaxError();
    if (acceptWord("select")) return select();
    if (acceptWord("insert")) return insert();
    if (acceptWord("show")) return show();
    if (acceptWord("use")) return use();
    return syntaxError();
}

SqlResult SqlStatement::select()
{
    // The select list is parsed before FROM names the table: keep its tokens and resolve after.
    const std::size_t listStart = m_pos;
    int depth = 0;
    auto clauseStarts = [this] { return isWord("from") || isWord("where") || isWord("order") || isWord("limit"); };
    while (peek().kind != Token::Kind::End && !(depth == 0 && clauseStarts())) {
        if (acceptSymbol("(")) ++depth;
        else if (acceptSymbol(")")) --depth;
        else ++m_pos;
    }
    const std::size_t listEnd = m_pos;
    MysqlDatabase::Table* table = nullptr;
    if (acceptWord("from")) {
        std::string schema, name;
        if (!tableName(table, schema, name)) return *m_error;
    }
    const std::size_t afterFrom = m_pos;
    m_pos = listStart;
    std::vector<Item> items;
    bool star = false;
    do {
        Item item;
        const Token& t = peek();
        if (acceptSymbol("*")) {
            if (!table) return fail(1096, "No tables used");
            star = true;
            continue;
        }
        if (t.kind == Token::Kind::Number || t.kind == Token::Kind::String) {
            item.kind = Item::Kind::Literal;
            item.name = t.text;
            item.literal = t.kind == Token::Kind::Number ? SqlValue(std::int64_t(std::stoll(t.text))) : SqlValue(t.text);
            ++m_pos;
        } else if (t.kind == Token::Kind::Word && m_tokens[m_pos + 1].text == "(") {
            const std::string fn = lower(t.text);
            item.name = t.text;
            m_pos += 2;
            if (fn == "count" && acceptSymbol("*")) item.kind = Item::Kind::Count, item.name += "(*)";
            else if (fn == "version") item.kind = Item::Kind::Version, item.name += "()";
            else if (fn == "database") item.kind = Item::Kind::Database, item.name += "()";
            else return syntaxError();
            if (!acceptSymbol(")")) return syntaxError();
        } else if (t.kind == Token::Kind::Word || t.kind == Token::Kind::Quoted) {
            std::optional<std::size_t> c = columnIndex(table, t.text);
            if (!c) return fail(1054, "Unknown column '" + t.text + "' in 'field list'");
            item.column = *c;
            item.name = t.text;
            ++m_pos;
        } else {
            return syntaxError();
        }
        if (acceptWord("as") && !identifier(item.name)) return syntaxError();
        items.push_back(std::move(item));
    } while (acceptSymbol(","));
    if (m_pos != listEnd) return syntaxError();
    m_pos = afterFrom;

    std::vector<Conjunction> where;
    if (acceptWord("where") && !condition(table, where)) return *m_error;
    std::vector<std::pair<std::size_t, bool>> order; // column, descending
    if (acceptWord("order")) {
        if (!acceptWord("by")) return syntaxError();
        do {
            std::string col;
            if (!identifier(col)) return syntaxError();
            std::optional<std::size_t> c = columnIndex(table, col);
            for (const Item& item : items) // an alias of the select list
                if (!c && item.kind == Item::Kind::Column && lower(item.name) == lower(col)) c = item.column;
            if (!c) return fail(1054, "Unknown column '" + col + "' in 'order clause'");
            bool desc = acceptWord("desc");
            if (!desc) acceptWord("asc");
            order.emplace_back(*c, desc);
        } while (acceptSymbol(","));
    }
    std::int64_t limit = -1, offset = 0;
    if (acceptWord("limit")) {
        if (peek().kind != Token::Kind::Number) return syntaxError();
        limit = std::stoll(m_tokens[m_pos++].text);
        if (acceptSymbol(",")) {
            if (peek().kind != Token::Kind::Number) return syntaxError();
            offset = limit;
            limit = std::stoll(m_tokens[m_pos++].text);
        } else if (acceptWord("offset")) {
            if (peek().kind != Token::Kind::Number) return syntaxError();
            offset = std::stoll(m_tokens[m_pos++].text);
        }
    }
    acceptSymbol(";");
    if (peek().kind != Token::Kind::End) return syntaxError();

    std::vector<const std::vector<SqlValue>*> picked;
    static const std::vector<SqlValue> kNoRow;
    if (table) {
        for (const auto& row : table->rows)
            if (matches(where, row)) picked.push_back(&row);
    } else if (matches(where, kNoRow)) {
        picked.push_back(&kNoRow);
    }
    std::stable_sort(picked.begin(), picked.end(), [&](const auto* a, const auto* b) {
        for (auto [c, desc] : order) {
            const int k = compare((*a)[c], (*b)[c]);
            if (k != 0) return desc ? k > 0 : k < 0;
        }
        return false;
    });
    SqlResult r;
    if (star)
        for (std::size_t c = 0; c < table->columns.size(); ++c) {
            Item item;
            item.column = c;
            item.name = table->columns[c];
            items.insert(items.begin() + std::ptrdiff_t(c), item);
        }
    for (const Item& item : items) r.columns.push_back(item.name);
    const bool aggregate = !items.empty() && items.front().kind == Item::Kind::Count;
    if (aggregate) {
        r.rows.push_back({SqlValue(std::int64_t(picked.size()))});
    } else {
        for (std::size_t i = std::size_t(offset); i < picked.size(); ++i) {
            if (limit >= 0 && std::int64_t(r.rows.size()) >= limit) break;
            std::vector<SqlValue> row;
            for (const Item& item : items) {
                switch (item.kind) {
                case Item::Kind::Column: row.push_back((*picked[i])[item.column]); break;
                case Item::Kind::Literal: row.push_back(item.literal); break;
                case Item::Kind::Version: row.push_back(std::string(MysqlDatabase::kVersion)); break;
                case Item::Kind::Database:
                    row.push_back(m_session.database.empty() ? SqlValue() : SqlValue(m_session.database));
                    break;
                case Item::Kind::Count: break;
                }
            }
            r.rows.push_back(std::move(row));
        }
    }
    r.affectedRows = std::int64_t(r.rows.size());
    return r;
}

SqlResult SqlStatement::insert()
{
    if (!acceptWord("into")) return syntaxError();
    MysqlDatabase::Table* table = nullptr;
    std::string schema, name;
    if (!tableName(table, schema, name)) return *m_error;
    std::vector<std::size_t> columns;
    if (acceptSymbol("(")) {
        do {
            std::string col;
            if (!identifier(col)) return syntaxError();
            std::optional<std::size_t> c = columnIndex(table, col);
            if (!c) return fail(1054, "Unknown column '" + col + "' in 'field list'");
            columns.push_back(*c);
        } while (acceptSymbol(","));
        if (!acceptSymbol(")")) return syntaxError();
    } else {
        for (std::size_t c = 0; c < table->columns.size(); ++c) columns.push_back(c);
    }
    if (!acceptWord("values")) return syntaxError();
    std::vector<std::vector<SqlValue>> added;
    do {
        if (!acceptSymbol("(")) return syntaxError();
        std::vector<SqlValue> row(table->columns.size());
        std::size_t n = 0;
        do {
            Operand v;
            if (peek().kind == Token::Kind::Word && lower(peek().text) != "null") return syntaxError();
            if (!operand(nullptr, v)) return *m_error;
            if (n < columns.size()) row[columns[n]] = v.literal;
            ++n;
        } while (acceptSymbol(","));
        if (!acceptSymbol(")")) return syntaxError();
        if (n != columns.size()) return fail(1136, "Column count doesn't match value count at row " +
                                                       std::to_string(added.size() + 1));
        added.push_back(std::move(row));
    } while (acceptSymbol(","));
    acceptSymbol(";");
    if (peek().kind != Token::Kind::End) return syntaxError();
    SqlResult r;
    r.affectedRows = std::int64_t(added.size());
    for (auto& row : added) table->rows.push_back(std::move(row));
    return r;
}

SqlResult SqlStatement::show()
{
    SqlResult r;
    if (acceptWord("databases")) {
        r.columns = {"Database"};
        for (const auto& [name, schema] : m_db.m_schemas) r.rows.push_back({SqlValue(name)});
    } else if (acceptWord("tables")) {
        if (m_session.database.empty()) return fail(1046, "No database selected");
        r.columns = {"Tables_in_" + m_session.database};
        for (const auto& [name, table] : m_db.m_schemas[lower(m_session.database)].tables)
            r.rows.push_back({SqlValue(name)});
    } else {
        return syntaxError();
    }
    acceptSymbol(";");
    if (peek().kind != Token::Kind::End) return syntaxError();
    r.affectedRows = std::int64_t(r.rows.size());
    return r;
}

SqlResult SqlStatement::use()
{
    std::string name;
    if (!identifier(name)) return syntaxError();
    acceptSymbol(";");
    if (peek().kind != Token::Kind::End) return syntaxError();
    if (!m_db.hasDatabase(name)) return fail(1049, "Unknown database '" + name + "'");
    m_session.database = name;
    return SqlResult();
}

MysqlDatabase::MysqlDatabase()
{
    for (const char* name : {"information_schema", "mysql", "performance_schema", "sys"}) m_schemas[name];
    Table& user = m_schemas["mysql"].tables["user"];
    user.columns = {"Host", "User", "Select_priv", "plugin"};
    const char* const seed[][4] = {
        {"%", "root", "Y", "mysql_native_password"},
        {"localhost", "mysql.infoschema", "Y", "caching_sha2_password"},
        {"localhost", "mysql.session", "N", "caching_sha2_password"},
        {"localhost", "mysql.sys", "N", "caching_sha2_password"},
        {"localhost", "root", "Y", "caching_sha2_password"},
    };
    for (const auto& row : seed) user.rows.push_back({SqlValue(row[0]), SqlValue(row[1]), SqlValue(row[2]), SqlValue(row[3])});
}

bool MysqlDatabase::hasDatabase(std::string_view name) const { return m_schemas.count(lower(name)) != 0; }

SqlResult MysqlDatabase::query(MysqlSession& session, std::string_view sql)
{
    return SqlStatement(*this, session, sql).run();
}

} // namespace coroscope
