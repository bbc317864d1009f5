// Narration coverage (issue 6, "narration quality"): every key moment of
// every lesson program's run has a narration step, in Chinese and English.
//
// KEY MOMENTS of a run are computed from its trace, up to RunEnd:
//  - greenlet switch: a Switch with subject != 0 where the task left or the
//    task entered is a TaskKind::Greenlet (the greenlet lessons; the switch
//    that starts the program's Main task and switches into generator or
//    coroutine frames are not greenlet switches). Its line is the source
//    line the task that switched away stood on (for a greenlet that
//    finished, its last line).
//  - suspending await: a Switch with a == SwitchWhy::Await (a task suspends
//    at an await whose awaitable is not done; one that finds its result
//    ready does not suspend and emits no such Switch). Its line is the line
//    the suspending task stood on.
//  - timer firing: a TimerFired. Its line is the line the running task stood
//    on when the timer was scheduled (the `await asyncio.sleep(...)`).
// The simulated servers of the world (TaskKind::Server) run none of the
// program's code: their awaits, and the timers they schedule (the network's
// replies, which end an await of the program that is a key moment itself),
// are not key moments.
// "The line a task stood on" is the last Line event since the Switch that
// last gave that task the thread (Line events of the coroutine or generator
// frames it runs count); 0 when it reached none.
// Occurrences are grouped: all occurrences of the same kind, the same line
// and the same task kind (of the task that switched away, suspended, or owns
// the timer; "loop" for timers without an owner) are ONE key moment, so a
// loop that suspends on one line 10,000 times is one moment, and two tasks
// running the same coroutine function share the moments of its lines.
//
// A narration step of the same program COVERS a key moment when its anchor
//  1. resolves to one of the moment's occurrences, or
//  2. is a line anchor on the moment's line (greenlet switches and awaits
//     only: a timer fires long after its line ran, so it needs a step of
//     its own), or
//  3. resolves to an event of the same kind in the same step window as an
//     occurrence. The step window of an event is the events from the last
//     Line event at or before it up to the next Line event: what the player
//     passes over in one line step. "Same kind": a Switch into a task for a
//     greenlet switch, an Await Switch for an await, and a TimerFired or a
//     loop ClockAdvance (a `time` anchor) for a timer firing. So "at 2 s both
//     timers fire" covers two timers firing together.
//
// Programs listed in lessons/KNOWN_FAILING are skipped (their runs are not
// the lesson's yet); they are checked again as soon as they leave the list.
// COROSCOPE_NARRATION_ALL=1 checks them too, for authors preparing their
// narration before the program passes.
// An uncovered moment is reported as "lessons/NN-slug/prog.py:LINE: ...".
// docs/LESSONS.md ("Key moments") repeats this definition for authors.

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"
#include "lessons/loader/AnchorResolver.h"
#include "lessons/loader/LessonLibrary.h"
#include "lessons/loader/WorldJson.h"

#include "LessonTraces.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtTest>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace coroscope;
using namespace coroscope::lessons;

namespace {

enum class MomentKind : std::uint8_t { GreenletSwitch, Await, TimerFired };

/// One key moment: every occurrence of one kind on one line in one task kind.
struct Moment {
    MomentKind kind = MomentKind::Await;
    int line = 0;
    std::string taskKind;             ///< kind of the task that switched away, suspended or owns the timer
    std::vector<std::size_t> events;  ///< trace indices of every occurrence, in run order

    /// "await@24(task)": short form for the tests' trace strings.
    std::string shortName() const
    {
        const char* kind = this->kind == MomentKind::GreenletSwitch ? "switch"
            : this->kind == MomentKind::Await                       ? "await"
                                                                    : "timer";
        return std::string(kind) + '@' + std::to_string(line) + '(' + taskKind + ')';
    }

    /// What an author reads in a failure message.
    QString describe() const
    {
        const QString times = events.size() == 1 ? QStringLiteral("once")
                                                 : QStringLiteral("%1 times").arg(events.size());
        const QString who = QString::fromStdString(taskKind);
        switch (kind) {
        case MomentKind::GreenletSwitch:
            return QStringLiteral("a %1 switches to another greenlet here (%2, first at event %3)")
                .arg(who, times).arg(events.front());
        case MomentKind::Await:
            return QStringLiteral("a %1 suspends at an await here (%2, first at event %3)")
                .arg(who, times).arg(events.front());
        case MomentKind::TimerFired:
            break;
        }
        return QStringLiteral("a timer scheduled here by a %1 fires (%2, first at event %3); anchor a step "
                              "to \"timer-fired\" or to its time")
            .arg(who, times).arg(events.front());
    }
};

/// The key moments of a run and the step windows of its events.
class KeyMoments {
public:
    explicit KeyMoments(const Trace& trace)
        : m_trace(trace)
    {
        scan();
    }

    const std::vector<Moment>& moments() const { return m_moments; }

    /// "switch@19(main) await@24(task) ...": every moment in order of first occurrence.
    std::string summary() const
    {
        std::string text;
        for (const Moment& m : m_moments)
            text += (text.empty() ? "" : " ") + m.shortName();
        return text;
    }

    /// Whether the anchor a narration step resolved to covers `m` (rules 1 and 3).
    bool coveredByEvent(const Moment& m, std::size_t index) const
    {
        if (index >= m_window.size())
            return false;
        if (!sameKind(m.kind, m_trace[index]))
            return false;
        for (std::size_t occurrence : m.events) {
            if (occurrence == index || m_window[occurrence] == m_window[index])
                return true;
        }
        return false;
    }

private:
    static constexpr std::size_t kNoLine = std::size_t(-1);

    bool sameKind(MomentKind kind, const Event& e) const
    {
        switch (kind) {
        case MomentKind::GreenletSwitch:
            return e.kind == EventKind::Switch && e.subject != 0;
        case MomentKind::Await:
            return e.kind == EventKind::Switch && SwitchWhy(e.a) == SwitchWhy::Await;
        case MomentKind::TimerFired:
            return e.kind == EventKind::TimerFired || (e.kind == EventKind::ClockAdvance && e.x == 0);
        }
        return false;
    }

    std::string kindOf(TaskId task) const
    {
        const auto it = m_kinds.find(task);
        return it == m_kinds.end() ? std::string("loop") : std::string(toString(it->second));
    }

    bool isGreenlet(TaskId task) const
    {
        const auto it = m_kinds.find(task);
        return it != m_kinds.end() && it->second == TaskKind::Greenlet;
    }

    bool isServer(TaskId task) const
    {
        const auto it = m_kinds.find(task);
        return it != m_kinds.end() && it->second == TaskKind::Server;
    }

    bool isFrame(TaskId task) const
    {
        const auto it = m_kinds.find(task);
        return it != m_kinds.end() && it->second == TaskKind::Generator;
    }

    void add(MomentKind kind, int line, const std::string& taskKind, std::size_t index)
    {
        const auto key = std::make_tuple(kind, line, taskKind);
        const auto it = m_index.find(key);
        if (it != m_index.end()) {
            m_moments[it->second].events.push_back(index);
            return;
        }
        m_index.emplace(key, m_moments.size());
        m_moments.push_back(Moment{kind, line, taskKind, {index}});
    }

    void scan()
    {
        std::size_t window = kNoLine;
        int line = 0;        // the line the task holding the thread stands on
        TaskId running = 0;  // that task (0: the loop)
        for (std::size_t i = 0; i < m_trace.size(); ++i) {
            const Event& e = m_trace[i];
            if (e.kind == EventKind::Line) {
                window = i;
                line = int(e.x);
            }
            m_window.push_back(window);
            switch (e.kind) {
            case EventKind::TaskCreated:
                m_kinds[e.subject] = TaskKind(e.a);
                break;
            case EventKind::Switch:
                if (SwitchWhy(e.a) == SwitchWhy::Await && !isServer(e.x))
                    add(MomentKind::Await, line, kindOf(e.x), i);
                else if (e.subject != 0 && !isFrame(e.subject) && !isFrame(e.x)
                         && (isGreenlet(e.subject) || isGreenlet(e.x)))
                    add(MomentKind::GreenletSwitch, line, kindOf(e.x), i);
                // Entering a coroutine or generator frame keeps the task's line;
                // any other switch hands the thread to a task that has reached
                // no line yet since it got it.
                if (!isFrame(e.subject) && !isFrame(e.x)) {
                    line = 0;
                    running = e.subject;
                }
                break;
            case EventKind::TimerScheduled:
                if (isServer(running))
                    m_serverTimers.insert(e.subject);
                else
                    m_timerLine[e.subject] = line;
                break;
            case EventKind::TimerFired:
                if (!m_serverTimers.contains(e.subject)) {
                    const auto it = m_timerLine.find(e.subject);
                    add(MomentKind::TimerFired, it == m_timerLine.end() ? 0 : it->second, kindOf(e.x), i);
                }
                break;
            default:
                break;
            }
            if (e.kind == EventKind::RunEnd)
                break; // what a run does after its end (greenlets killed at exit) is no lesson moment
        }
    }

    const Trace& m_trace;
    std::vector<Moment> m_moments;
    std::map<std::tuple<MomentKind, int, std::string>, std::size_t> m_index;
    std::vector<std::size_t> m_window; ///< by event: index of the Line event opening its step window
    std::map<TaskId, TaskKind> m_kinds;
    std::map<TimerId, int> m_timerLine;
    std::set<TimerId> m_serverTimers; ///< scheduled by a simulated server: the world's network replies
};

/// True when one of `steps` (the narration of the moment's program) covers `m`.
bool covered(const Moment& m, const KeyMoments& moments, const QList<NarrationStep>& steps,
             const AnchorResolver& resolver)
{
    for (const NarrationStep& step : steps) {
        if (step.anchor.kind == AnchorKind::Line) {
            if (m.kind != MomentKind::TimerFired && m.line > 0 && step.anchor.line == m.line)
                return true;
            continue;
        }
        if (const std::optional<std::size_t> index = resolver.resolve(step.anchor);
            index && moments.coveredByEvent(m, *index))
            return true;
    }
    return false;
}

/// Runs a program as `coroscope-cli lessons --check` does: as main.py, in
/// its world, traced. Returns "" or what went wrong.
QString runTraced(const RunSpec& spec, Trace& trace)
{
    QString worldError;
    std::shared_ptr<const WorldConfig> world = worldConfigOf(spec.world, worldError);
    if (!worldError.isEmpty())
        return QStringLiteral("bad world: ") + worldError;
    try {
        RunContext context;
        context.trace = &trace;
        pylite::Vm::Options options;
        options.filename = "main.py";
        options.argv = {"main.py"};
        options.context = &context;
        options.world = std::move(world);
        options.output = [](Stream, std::string_view) {};
        pylite::Vm vm(std::move(options));
        vm.run(spec.source.toStdString());
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

/// lessons/KNOWN_FAILING, read from the source tree so that an entry
/// removed from it is checked again without a rebuild. __FILE__ may be
/// relative to the build's tests/ folder (ccache's base_dir), which is
/// CTest's working directory and the parent of the test's bin/.
std::optional<QSet<QString>> knownFailing()
{
    const QString relative = QFileInfo(QStringLiteral(__FILE__)).path() + QStringLiteral("/../../lessons/KNOWN_FAILING");
    QStringList candidates{relative};
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && QFileInfo(relative).isRelative())
        candidates.append(QString::fromStdString(self.parent_path().parent_path().string()) + QLatin1Char('/') + relative);
    QFile file;
    for (const QString& path : candidates) {
        file.setFileName(path);
        if (file.open(QIODevice::ReadOnly))
            break;
    }
    if (!file.isOpen())
        return std::nullopt;
    QSet<QString> entries;
    for (const QString& raw : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QString entry = raw.section(QLatin1Char('#'), 0, 0).trimmed();
        if (!entry.isEmpty())
            entries.insert(entry);
    }
    return entries;
}

QString entryOf(const Lesson& lesson, int program)
{
    return QFileInfo(lesson.displayFolder).fileName() + QLatin1Char('/') + lesson.programs[program].file;
}

bool hasHan(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

Anchor eventAnchor(AnchorEvent event, int nth = 1)
{
    Anchor a;
    a.kind = AnchorKind::Event;
    a.event = event;
    a.nth = nth;
    return a;
}

Anchor lineAnchor(int line)
{
    Anchor a;
    a.kind = AnchorKind::Line;
    a.line = line;
    return a;
}

NarrationStep step(const Anchor& anchor)
{
    return NarrationStep{0, anchor, LocalizedText{QStringLiteral("说明"), QStringLiteral("note")}};
}

/// A greenlet ping-pong: main starts g (2), which switches to main from
/// line 5 three times (a loop); main switches back from line 10 each time.
void recordLoopRun(Trace& trace)
{
    testing::TraceBuilder b(trace);
    b.created(1, TaskKind::Main, 0, 0, "main").switchTo(1, 0, SwitchWhy::Start)   // 0 1
        .created(2, TaskKind::Greenlet, 1, 9, "g").line(1, 10)                       // 2 3
        .switchTo(2, 1, SwitchWhy::Start).line(2, 4).line(2, 5)                      // 4 5 6
        .switchTo(1, 2, SwitchWhy::Switch).line(1, 10).switchTo(2, 1, SwitchWhy::Switch) // 7 8 9
        .line(2, 4).line(2, 5).switchTo(1, 2, SwitchWhy::Switch).line(1, 10)         // 10 11 12 13
        .switchTo(2, 1, SwitchWhy::Switch).line(2, 4).line(2, 5)                     // 14 15 16
        .switchTo(1, 2, SwitchWhy::Switch).line(1, 11).end(RunStatus::Ok)            // 17 18 19
        .switchTo(2, 1, SwitchWhy::Throw);                                           // 20: after the end
}

} // namespace

class tst_NarrationCoverage : public QObject {
    Q_OBJECT

    LessonLibrary m_library;
    QSet<QString> m_known;

private slots:
    void initTestCase()
    {
        m_library.loadBundled();
        const std::optional<QSet<QString>> known = knownFailing();
        QVERIFY2(known, "lessons/KNOWN_FAILING not found beside the test's source");
        m_known = *known;
    }

    void everyGreenletSwitchIsAMomentOnTheLineItLeaves()
    {
        Trace trace;
        testing::recordGreenletRun(trace);
        QCOMPARE(QString::fromStdString(KeyMoments(trace).summary()),
                 QStringLiteral("switch@19(main) switch@6(greenlet) switch@13(greenlet) switch@8(greenlet) "
                                "switch@14(greenlet)"));
    }

    void aLoopThatSwitchesOnOneLineIsOneMomentAndNothingAfterTheEndCounts()
    {
        Trace trace;
        recordLoopRun(trace);
        const KeyMoments moments(trace);
        QCOMPARE(QString::fromStdString(moments.summary()),
                 QStringLiteral("switch@10(main) switch@5(greenlet)"));
        QVERIFY(moments.moments()[1].events == (std::vector<std::size_t>{7, 12, 17}));
    }

    void suspendingAwaitsAndTimersAreMomentsOfTheirTaskKind()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        // Task-1 suspends on line 12; Task-2 and Task-3 reach no line before
        // they suspend, so both are the one moment of line 0.
        QCOMPARE(QString::fromStdString(KeyMoments(trace).summary()),
                 QStringLiteral("await@12(task) await@0(task) timer@0(task)"));
    }

    void aSimulatedServersAwaitAndItsReplyTimerAreNoMoments()
    {
        Trace trace;
        testing::TraceBuilder b(trace);
        b.created(1, TaskKind::CoroutineTask, 0, 0, "Task-1").switchTo(1, 0, SwitchWhy::Start)
            .line(1, 7).switchTo(0, 1, SwitchWhy::Await)
            .created(2, TaskKind::Server, 0, 0, "redis").switchTo(2, 0, SwitchWhy::Start)
            .timer(1, 0, 5, 1'000'000).switchTo(0, 2, SwitchWhy::Await)
            .clock(1'000'000).timerFired(1, 0).switchTo(1, 0, SwitchWhy::Resume).line(1, 8)
            .timer(2, 1, 6, 2'000'000).switchTo(0, 1, SwitchWhy::Await).clock(2'000'000).timerFired(2, 1)
            .end(RunStatus::Ok);
        // The program's own sleep on line 8 is a timer moment; the server's reply is not.
        QCOMPARE(QString::fromStdString(KeyMoments(trace).summary()),
                 QStringLiteral("await@7(task) await@8(task) timer@8(task)"));
    }

    void aStepCoversAMomentThroughAnyOccurrenceItsLineOrItsKindInTheSameWindow()
    {
        Trace trace;
        recordLoopRun(trace);
        const KeyMoments moments(trace);
        const AnchorResolver resolver(trace);
        const Moment& inner = moments.moments()[1]; // switch@5
        // The 3rd switch (index 9) is main's; the 4th (index 12) is g's second switch at line 5.
        QVERIFY(covered(inner, moments, {step(eventAnchor(AnchorEvent::Switch, 4))}, resolver));
        QVERIFY(covered(inner, moments, {step(lineAnchor(5))}, resolver));
        QVERIFY(!covered(inner, moments, {step(lineAnchor(4))}, resolver));
        // Main's switch from line 10 is in another step window.
        QVERIFY(!covered(inner, moments, {step(eventAnchor(AnchorEvent::Switch, 3))}, resolver));
        // Output is not a switch, even in the same window.
        QVERIFY(!covered(inner, moments, {step(eventAnchor(AnchorEvent::RunEnd))}, resolver));
    }

    void aTimerIsCoveredByItsFiringOrTheClockButNotByItsLine()
    {
        Trace trace;
        testing::recordAsyncioRun(trace);
        const KeyMoments moments(trace);
        const AnchorResolver resolver(trace);
        const Moment& timer = moments.moments()[2];
        QVERIFY(timer.kind == MomentKind::TimerFired);
        QVERIFY(covered(timer, moments, {step(eventAnchor(AnchorEvent::TimerFired, 2))}, resolver));
        Anchor twoSeconds;
        twoSeconds.kind = AnchorKind::Time;
        twoSeconds.seconds = 2;
        QVERIFY(covered(timer, moments, {step(twoSeconds)}, resolver));
        QVERIFY(!covered(timer, moments, {step(lineAnchor(12))}, resolver));
        QVERIFY(!covered(timer, moments, {step(eventAnchor(AnchorEvent::Await, 3))}, resolver));
        // Task-1's await on line 12 is covered by its line, not by a later await.
        QVERIFY(covered(moments.moments()[0], moments, {step(lineAnchor(12))}, resolver));
        QVERIFY(!covered(moments.moments()[0], moments, {step(lineAnchor(13))}, resolver));
    }

    void everyNarrationTextIsWrittenInBothLanguages()
    {
        QVERIFY(!m_library.lessons().isEmpty());
        for (const Lesson& lesson : m_library.lessons()) {
            for (qsizetype i = 0; i < lesson.narration.size(); ++i) {
                const LocalizedText& text = lesson.narration[i].text;
                const QString where = QStringLiteral("%1/lesson.json: narration[%2]").arg(lesson.displayFolder).arg(i);
                QVERIFY2(!text.zh.trimmed().isEmpty() && !text.en.trimmed().isEmpty(), qPrintable(where));
                QVERIFY2(text.zh.trimmed() != text.en.trimmed(), qPrintable(where + QStringLiteral(": zh equals en")));
                QVERIFY2(hasHan(text.zh), qPrintable(where + QStringLiteral(": zh has no Chinese")));
            }
        }
    }

    void everyKeyMomentOfEveryRunningProgramIsNarrated_data()
    {
        QTest::addColumn<QString>("lessonId");
        QTest::addColumn<int>("program");
        for (const Lesson& lesson : m_library.lessons()) {
            for (int i = 0; i < lesson.programs.size(); ++i)
                QTest::newRow(qPrintable(entryOf(lesson, i))) << lesson.id << i;
        }
    }

    void everyKeyMomentOfEveryRunningProgramIsNarrated()
    {
        QFETCH(QString, lessonId);
        QFETCH(int, program);
        const Lesson* lesson = m_library.find(lessonId);
        QVERIFY(lesson);
        const QString entry = entryOf(*lesson, program);
        if (m_known.contains(entry) && qEnvironmentVariableIsEmpty("COROSCOPE_NARRATION_ALL"))
            QSKIP("listed in lessons/KNOWN_FAILING (COROSCOPE_NARRATION_ALL=1 checks it too)");

        Trace trace;
        const QString crash = runTraced(lesson->runSpec(program), trace);
        QVERIFY2(crash.isEmpty(), qPrintable(entry + QStringLiteral(": the VM crashed: ") + crash));

        const KeyMoments moments(trace);
        const AnchorResolver resolver(trace);
        const QList<NarrationStep> steps = lesson->narrationFor(program);
        QStringList uncovered;
        for (const Moment& m : moments.moments()) {
            if (!covered(m, moments, steps, resolver))
                uncovered.append(QStringLiteral("%1/%2:%3: %4")
                                     .arg(lesson->displayFolder, lesson->programs[program].file)
                                     .arg(m.line)
                                     .arg(m.describe()));
        }
        qInfo("%s: %zu key moments (%s), %d narration steps",
              qPrintable(entry), moments.moments().size(), moments.summary().c_str(), int(steps.size()));
        QVERIFY2(uncovered.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 key moments have no narration step:\n")
                                .arg(uncovered.size())
                                .arg(moments.moments().size())
                            + uncovered.join(QLatin1Char('\n'))));
    }
};

QTEST_APPLESS_MAIN(tst_NarrationCoverage)
#include "tst_narration_coverage.moc"
