#pragma once
// MysqlDatabase: the data of one simulated MySQL server and the SQL subset it
// runs (DESIGN.md section 5). Every server starts with the same seed: the
// schemas information_schema, mysql, performance_schema and sys, and one
// table, mysql.user (Host, User, Select_priv, plugin), holding MySQL 8's five
// default accounts in primary-key order (Host, User):
//
//   ('%', 'root')  ('localhost', 'mysql.infoschema')  ('localhost', 'mysql.session')
//   ('localhost', 'mysql.sys')  ('localhost', 'root')
//
// SQL understood (keywords in any case, identifiers case-insensitive and
// optionally `quoted`, strings in '...' or "..."):
//   SELECT * | expr [AS alias], ... [FROM [db.]table] [WHERE cond]
//          [ORDER BY col [ASC|DESC], ...] [LIMIT n [OFFSET m] | LIMIT m, n]
//     expr: column, number, string, COUNT(*), VERSION(), DATABASE()
//     cond: comparisons (= != <> < > <= >= LIKE) joined by AND / OR
//   INSERT INTO [db.]table [(col, ...)] VALUES (v, ...), ...
//   SHOW DATABASES | SHOW TABLES | USE db
// Anything else is MySQL's error 1064 (syntax); a missing table, column or
// schema gives 1146, 1054 or 1049 with MySQL's messages.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace coroscope {

/// One cell: NULL, an integer or a string.
using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;

/// What a statement gives back.
struct SqlResult {
    int errorCode = 0;                         ///< 0: success
    std::string errorMessage;                  ///< MySQL's text for errorCode
    std::vector<std::string> columns;          ///< result set column names (empty: no result set)
    std::vector<std::vector<SqlValue>> rows;
    std::int64_t affectedRows = 0;             ///< INSERT: rows added; SELECT: rows returned

    bool ok() const { return errorCode == 0; }
};

/// The per-connection state a statement may change (USE).
struct MysqlSession {
    std::string database; ///< the default schema (connect's db=, or USE)
};

class MysqlDatabase {
public:
    /// A server holding the seed described above.
    MysqlDatabase();

    /// Runs one statement (a trailing ';' is allowed).
    SqlResult query(MysqlSession& session, std::string_view sql);
    /// True when `name` is a schema of this server.
    bool hasDatabase(std::string_view name) const;

    /// MySQL's version string (SELECT VERSION()).
    static constexpr std::string_view kVersion = "8.0.35";

private:
    struct Table {
        std::vector<std::string> columns;
        std::vector<std::vector<SqlValue>> rows;
    };
    struct Schema {
        std::map<std::string, Table> tables; ///< key: lower-case name
    };
    friend class SqlStatement;

    std::map<std::string, Schema> m_schemas; ///< key: lower-case name
};

} // namespace coroscope
