#include "core/trace/Trace.h"

#include <QtTest>

using namespace coroscope;

class tst_Trace : public QObject {
    Q_OBJECT
private slots:
    void appendedEventsReadBackInOrderAcrossChunks()
    {
        Trace trace;
        const std::size_t n = Trace::kChunkEvents * 2 + 7;
        for (std::size_t i = 0; i < n; ++i)
            trace.append(Event{EventKind::Line, 0, 0, 1, std::uint32_t(i), 0, 0});
        QCOMPARE(trace.size(), n);
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(trace[i].x, std::uint32_t(i));
    }
    void internedTextIsReturnedByReference()
    {
        Trace trace;
        const StrRef a = trace.intern("hello");
        const StrRef b = trace.intern("协程");
        QCOMPARE(trace.text(a), std::string_view("hello"));
        QCOMPARE(trace.text(b.packed()), std::string_view("协程"));
    }
    void aStreamingConsumerRunsOnEveryFullChunkAndReleasedChunksHoldLaterEvents()
    {
        Trace trace;
        std::string log;
        const Event* firstChunk = nullptr;
        trace.onChunk([&] {
            log += std::to_string(trace.size()) + " ";
            // Everything published is still readable when the consumer runs.
            QCOMPARE(trace[trace.size() - 1].x, std::uint32_t(trace.size() - 1));
            if (!firstChunk)
                firstChunk = &trace[0];
            trace.release(trace.size());
        });
        const std::size_t n = Trace::kChunkEvents * 3 + 5;
        for (std::size_t i = 0; i < n; ++i)
            QVERIFY(trace.append(Event{EventKind::Line, 0, 0, 1, std::uint32_t(i), 0, 0}));
        QCOMPARE(QString::fromStdString(log), QStringLiteral("4096 8192 12288 "));
        QCOMPARE(trace.size(), n);
        QCOMPARE(trace.firstHeld(), Trace::kChunkEvents * 3);
        for (std::size_t i = trace.firstHeld(); i < n; ++i)
            QCOMPARE(trace[i].x, std::uint32_t(i));
        // The memory of the first chunk now holds the newest events.
        QCOMPARE(static_cast<const void*>(&trace[trace.firstHeld()]), static_cast<const void*>(firstChunk));
        QCOMPARE(trace.bytesUsed(), n * sizeof(Event));
    }
    void releaseGivesBackAllTextButTheTwoNewestChunks()
    {
        Trace trace;
        const std::string big(Trace::kStringChunk / 2 + 1, 'x'); // two never share a chunk
        std::vector<StrRef> refs;
        for (int i = 0; i < 4; ++i)
            refs.push_back(trace.intern(std::to_string(i) + big));
        trace.append(Event{EventKind::Output, 0, 0, 1, 0, 0, refs.back().packed()});
        trace.release(trace.size());
        QCOMPARE(trace.firstHeld(), std::size_t(0)); // no whole chunk of events yet
        QVERIFY(trace.text(refs[0]).empty());
        QVERIFY(trace.text(refs[1]).empty());
        QCOMPARE(trace.text(refs[2]).substr(0, 2), std::string_view("2x"));
        QCOMPARE(trace.text(refs[3]).substr(0, 2), std::string_view("3x"));
        // Released text chunks are reused, and new text reads back.
        const StrRef next = trace.intern("after" + big);
        QCOMPARE(trace.text(next).substr(0, 6), std::string_view("afterx"));
        QCOMPARE(trace.text(refs[3]).substr(0, 2), std::string_view("3x"));
    }
};

QTEST_APPLESS_MAIN(tst_Trace)
#include "tst_trace.moc"
