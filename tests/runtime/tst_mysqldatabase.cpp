// MysqlDatabase: the seeded schemas of a simulated MySQL server and its SQL subset.

#include "core/runtime/world/services/MysqlDatabase.h"

#include <QString>
#include <QtTest>

#include <string>

using namespace coroscope;

namespace {

/// A result as text: "Col1,Col2: a,b; c,d" or "error N: message" or "ok N".
std::string show(const SqlResult& r)
{
    if (!r.ok()) return "error " + std::to_string(r.errorCode) + ": " + r.errorMessage;
    if (r.columns.empty()) return "ok " + std::to_string(r.affectedRows);
    std::string s;
    for (std::size_t c = 0; c < r.columns.size(); ++c) s += (c ? "," : "") + r.columns[c];
    s += ":";
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        s += i ? "; " : " ";
        for (std::size_t c = 0; c < r.rows[i].size(); ++c) {
            const SqlValue& v = r.rows[i][c];
            s += c ? "," : "";
            if (const auto* n = std::get_if<std::int64_t>(&v)) s += std::to_string(*n);
            else if (const auto* t = std::get_if<std::string>(&v)) s += *t;
            else s += "NULL";
        }
    }
    return s;
}

} // namespace

class tst_MysqlDatabase : public QObject {
    Q_OBJECT

private slots:
    void queries_data()
    {
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("result");
        QTest::newRow("the tutorial's query") << "mysql" << "SELECT Host,User FROM user"
            << "Host,User: %,root; localhost,mysql.infoschema; localhost,mysql.session; localhost,mysql.sys; localhost,root";
        QTest::newRow("schema-qualified, any case") << "" << "select `user` from MYSQL.user where Host = 'LOCALHOST' and Select_priv = 'Y';"
            << "user: mysql.infoschema; root";
        QTest::newRow("or, order, limit") << "mysql" << "SELECT User AS u FROM user WHERE User LIKE 'mysql.s%' OR Host = '%' ORDER BY u DESC LIMIT 2"
            << "u: root; mysql.sys";
        QTest::newRow("count") << "mysql" << "SELECT COUNT(*) FROM user WHERE plugin <> 'caching_sha2_password'" << "COUNT(*): 1";
        QTest::newRow("no table") << "" << "SELECT 1, 'a', VERSION(), DATABASE()" << "1,a,VERSION(),DATABASE(): 1,a,8.0.35,NULL";
        QTest::newRow("show databases") << "" << "SHOW DATABASES"
            << "Database: information_schema; mysql; performance_schema; sys";
        QTest::newRow("missing table") << "mysql" << "SELECT * FROM users" << "error 1146: Table 'mysql.users' doesn't exist";
        QTest::newRow("missing column") << "mysql" << "SELECT Name FROM user" << "error 1054: Unknown column 'Name' in 'field list'";
        QTest::newRow("no database") << "" << "SELECT * FROM user" << "error 1046: No database selected";
        QTest::newRow("syntax") << "mysql" << "SELEC 1"
            << "error 1064: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
               "version for the right syntax to use near 'SELEC 1' at line 1";
    }

    void queries()
    {
        QFETCH(QString, database);
        QFETCH(QString, sql);
        QFETCH(QString, result);
        MysqlDatabase db;
        MysqlSession session{database.toStdString()};
        QCOMPARE(QString::fromStdString(show(db.query(session, sql.toStdString()))), result);
    }

    void insertedRowsAreSeenByLaterSelectsAndUseSwitchesTheSchema()
    {
        MysqlDatabase db;
        MysqlSession session;
        QCOMPARE(QString::fromStdString(show(db.query(session, "USE nope"))), QStringLiteral("error 1049: Unknown database 'nope'"));
        QCOMPARE(QString::fromStdString(show(db.query(session, "USE mysql"))), QStringLiteral("ok 0"));
        QCOMPARE(QString::fromStdString(show(db.query(session, "INSERT INTO user (Host, User) VALUES ('10.0.0.%', 'app'), ('%', 'ro')"))),
                 QStringLiteral("ok 2"));
        QCOMPARE(QString::fromStdString(show(db.query(session, "SELECT User, plugin FROM user WHERE Host <> 'localhost'"))),
                 QStringLiteral("User,plugin: root,mysql_native_password; app,NULL; ro,NULL"));
        QCOMPARE(QString::fromStdString(show(db.query(session, "SHOW TABLES"))), QStringLiteral("Tables_in_mysql: user"));
        MysqlDatabase fresh;
        QCOMPARE(QString::fromStdString(show(fresh.query(session, "SELECT COUNT(*) FROM user"))), QStringLiteral("COUNT(*): 5"));
    }
};

QTEST_APPLESS_MAIN(tst_MysqlDatabase)
#include "tst_mysqldatabase.moc"
