#include "core/trace/detail/CowVector.h"

#include <QtTest>

#include <set>

using coroscope::detail::CowVector;

namespace {

using Vec = CowVector<int, 4>;

std::size_t chunks(const Vec& v)
{
    std::size_t n = 0;
    v.forEachChunk([&](const void*, std::size_t) { ++n; });
    return n;
}

std::size_t distinctChunks(const Vec& a, const Vec& b)
{
    std::set<const void*> ids;
    auto add = [&](const void* id, std::size_t) { ids.insert(id); };
    a.forEachChunk(add);
    b.forEachChunk(add);
    return ids.size();
}

} // namespace

class tst_CowVector : public QObject {
    Q_OBJECT
private slots:
    void aCopySharesEveryChunkUntilOneSideWrites()
    {
        Vec a;
        for (int i = 0; i < 10; ++i)
            a.pushBack(i);
        Vec b = a;
        QCOMPARE(distinctChunks(a, b), std::size_t(3));
        b.mutableAt(5) = 50;
        QCOMPARE(distinctChunks(a, b), std::size_t(4)); // only the written chunk was cloned
        QCOMPARE(a[5], 5);
        QCOMPARE(b[5], 50);
        QVERIFY(!(a == b));
        b.mutableAt(5) = 5;
        QVERIFY(a == b);
    }

    void appendingToACopyLeavesTheOriginalAlone()
    {
        Vec a;
        for (int i = 0; i < 6; ++i)
            a.pushBack(i);
        Vec b = a;
        b.pushBack(6);
        b.pushBack(7);
        b.pushBack(8);
        QCOMPARE(a.size(), std::size_t(6));
        QCOMPARE(b.size(), std::size_t(9));
        QCOMPARE(b[8], 8);
        QCOMPARE(distinctChunks(a, b), std::size_t(4)); // chunk 0 still shared
    }

    void growingPastUnwrittenSlotsAllocatesNothing()
    {
        Vec v;
        v.growTo(1000);
        QCOMPARE(v.size(), std::size_t(1000));
        QCOMPARE(chunks(v), std::size_t(0));
        QCOMPARE(v[999], 0);
        v.mutableAt(998) = 7;
        QCOMPARE(chunks(v), std::size_t(1));
        QCOMPARE(v[998], 7);
        QCOMPARE(v[997], 0);
        Vec w;
        w.growTo(1000);
        QVERIFY(!(v == w));
        w.mutableAt(998) = 7;
        QVERIFY(v == w);
    }
};

QTEST_APPLESS_MAIN(tst_CowVector)
#include "tst_cowvector.moc"
