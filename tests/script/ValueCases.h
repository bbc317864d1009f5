#pragma once
// The CPython-generated rows of value_cases.inc (gen_value_cases.py) and how
// a table test runs one: evaluate the expression twice on a fresh space,
// compare the repr (or exception line) with CPython's each time, and check
// the second evaluation leaves no object behind.

#include "ValueExpr.h"

#include <QtTest>

#include <string_view>

namespace valuetest {

struct Case {
    const char* group;
    const char* expr;
    const char* expected;
};

inline constexpr Case kCases[] = {
#define VALUE_CASE(group, expr, expected) {group, expr, expected},
#include "value_cases.inc"
#undef VALUE_CASE
};

/// The _data() function: one row per case of `group`.
inline void addRows(const char* group)
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");
    for (const Case& c : kCases) {
        if (std::string_view(c.group) != group) continue;
        QTest::newRow(c.expr) << QString::fromUtf8(c.expr) << QString::fromUtf8(c.expected);
    }
}

/// The test function for one row.
inline void checkRow()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    ObjectSpace space;
    ValueExpr eval(space);
    const std::string source = expr.toStdString();
    QCOMPARE(QString::fromStdString(eval.eval(source)), expected);
    const std::size_t live = space.heap().liveObjects();
    QCOMPARE(QString::fromStdString(eval.eval(source)), expected);
    space.heap().collect();
    QCOMPARE(space.heap().liveObjects(), live);
    QVERIFY(!space.hasError());
}

} // namespace valuetest
