// Render benchmarks of the views (issue 5, point 8). They print figures and
// assert nothing about time: a run of 10,000 live tasks drawn by each view
// at 1920x1080 offscreen (target: a frame in 16 ms or less), and the
// timeline over a 1,000,000-event trace. Each figure is the median of
// several frames; "step" frames include the layout of two Models, "steady"
// frames paint a cached scene, "animated" frames blend two scenes.

#include "app/gui/views/AnimationClock.h"
#include "app/gui/views/GeneratorView.h"
#include "app/gui/views/GreenletView.h"
#include "app/gui/views/InspectorView.h"
#include "app/gui/views/LoopView.h"
#include "app/gui/views/TimelineView.h"
#include "core/trace/Seeker.h"
#include "trace/TraceSynth.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace coroscope;
using coroscope::testing::TraceSynth;

namespace {

const QSize kFrame(1920, 1080);

/// Median wall time of `runs` calls, in milliseconds.
double medianMs(int runs, const std::function<void()>& fn)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void report(const char* what, double ms)
{
    qInfo("RENDERPERF %-58s %8.2f ms", what, ms);
}

} // namespace

class tst_RenderPerf : public QObject {
    Q_OBJECT
private slots:
    void viewsDrawATenThousandTaskRun()
    {
        Trace trace;
        QElapsedTimer build;
        build.start();
        TraceSynth(trace, {300000, 10000, 1}).run();
        Seeker seeker(trace);
        seeker.update();
        const Model a = seeker.seek(trace.size() / 2);
        const Model b = seeker.seek(trace.size() / 2 + 40);
        std::size_t alive = 0;
        for (const TaskId id : b.taskIds()) {
            const TaskState s = b.task(id)->state;
            alive += s != TaskState::Done && s != TaskState::Failed && s != TaskState::Cancelled;
        }
        qInfo("RENDERPERF run: %zu events, %zu tasks, %zu alive, %zu ready, %zu timers (built in %.0f ms)", trace.size(),
              b.taskIds().size(), alive, b.readyCount(), b.timers().size(), double(build.elapsed()));
        QVERIFY(alive >= 10000);

        QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
        auto measure = [&](VisualView& view, const char* name) {
            view.showModels(trace, b, a);
            view.clock()->finish();
            const double step = medianMs(9, [&] {
                view.showModels(trace, b, a);
                view.clock()->finish();
                QPainter p(&image);
                view.render(p, kFrame);
            });
            const double steady = medianMs(15, [&] {
                QPainter p(&image);
                view.render(p, kFrame);
            });
            view.clock()->setProgress(0.5);
            const double animated = medianMs(15, [&] {
                QPainter p(&image);
                view.render(p, kFrame);
            });
            view.clock()->finish();
            report(qPrintable(QStringLiteral("%1, 10k tasks, step frame (layout + paint)").arg(QLatin1String(name))), step);
            report(qPrintable(QStringLiteral("%1, 10k tasks, steady frame (paint)").arg(QLatin1String(name))), steady);
            report(qPrintable(QStringLiteral("%1, 10k tasks, animated frame (blend + paint)").arg(QLatin1String(name))),
                   animated);
        };
        LoopView loop;
        measure(loop, "loop view");
        GreenletView greenlets;
        measure(greenlets, "greenlet view");
        GeneratorView generators;
        measure(generators, "generator view");
        InspectorView inspector;
        inspector.setSelectedTask(b.taskIds()[b.taskIds().size() / 2]);
        measure(inspector, "inspector");

        TimelineView timeline;
        timeline.setSource(&trace, &seeker);
        timeline.setPlayhead(b.position(), b.now());
        const double frame = medianMs(9, [&] {
            QPainter p(&image);
            timeline.render(p, kFrame);
        });
        report("timeline, 10k lanes, whole run", frame);
        QVERIFY(!image.isNull());
    }

    void timelineDrawsAMillionEventTrace()
    {
        Trace trace;
        QElapsedTimer t;
        t.start();
        TraceSynth(trace, {1000000, 12, 3}).run();
        const double synth = double(t.nsecsElapsed()) / 1e6;
        t.restart();
        Seeker seeker(trace);
        seeker.update();
        const double index = double(t.nsecsElapsed()) / 1e6;
        qInfo("RENDERPERF 1M-event trace: synthesized in %.0f ms, indexed (Seeker) in %.0f ms, %zu segments, %zu lanes",
              synth, index, seeker.timeline().totalSegments(), seeker.timeline().lanes().size());

        QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
        TimelineView timeline;
        timeline.setSource(&trace, &seeker);
        const Model& m = seeker.seek(trace.size() / 2);
        timeline.setPlayhead(m.position(), m.now());
        for (const auto mode : {TimelineView::AxisMode::Time, TimelineView::AxisMode::Events}) {
            timeline.setAxisMode(mode);
            const char* axis = mode == TimelineView::AxisMode::Time ? "time" : "events";
            const double whole = medianMs(9, [&] {
                QPainter p(&image);
                timeline.render(p, kFrame);
            });
            const TimelineLayout l = timeline.layoutFor(QSizeF(kFrame));
            report(qPrintable(QStringLiteral("timeline, 1M events, whole run over %1 (%2 bars)").arg(QLatin1String(axis)).arg(l.barCount())),
                   whole);
            timeline.zoomBy(50, l.xOf(double(timeline.rangeTo()) / 2));
            const double zoomed = medianMs(9, [&] {
                QPainter p(&image);
                timeline.render(p, kFrame);
            });
            report(qPrintable(QStringLiteral("timeline, 1M events, zoomed 50x over %1").arg(QLatin1String(axis))), zoomed);
            const double layoutOnly = medianMs(9, [&] { timeline.layoutFor(QSizeF(kFrame)); });
            report(qPrintable(QStringLiteral("timeline, 1M events, zoomed layout only over %1").arg(QLatin1String(axis))),
                   layoutOnly);
            timeline.fitAll();
        }

        // A step anywhere in the run: seek plus the loop view's layout and paint.
        LoopView loop;
        std::size_t p = 7;
        Model before = seeker.seek(p);
        const double step = medianMs(21, [&] {
            p = (p * 2654435761u + 12345) % trace.size();
            const Model now = seeker.seek(p);
            loop.showModels(trace, now, before);
            loop.clock()->finish();
            QPainter painter(&image);
            loop.render(painter, kFrame);
            before = now;
        });
        report("loop view, 1M events, seek to a random step + frame", step);
        QVERIFY(!image.isNull());
    }
};

QTEST_MAIN(tst_RenderPerf)
#include "tst_renderperf.moc"
