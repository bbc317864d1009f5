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
};

QTEST_APPLESS_MAIN(tst_Trace)
#include "tst_trace.moc"
