#include "lessons/loader/Anchor.h"

#include <array>

namespace coroscope::lessons {

namespace {

struct EventName {
    AnchorEvent event;
    std::string_view name;
};

constexpr std::array kEventNames{
    EventName{AnchorEvent::FirstSwitch, "first-switch"},
    EventName{AnchorEvent::Switch, "switch"},
    EventName{AnchorEvent::Await, "await"},
    EventName{AnchorEvent::Yield, "yield"},
    EventName{AnchorEvent::TaskCreated, "task-created"},
    EventName{AnchorEvent::TaskReady, "task-ready"},
    EventName{AnchorEvent::TaskWaiting, "task-waiting"},
    EventName{AnchorEvent::TaskDone, "task-done"},
    EventName{AnchorEvent::TaskFailed, "task-failed"},
    EventName{AnchorEvent::TaskCancelled, "task-cancelled"},
    EventName{AnchorEvent::TimerScheduled, "timer-scheduled"},
    EventName{AnchorEvent::TimerFired, "timer-fired"},
    EventName{AnchorEvent::TimerCancelled, "timer-cancelled"},
    EventName{AnchorEvent::FutureResolved, "future-resolved"},
    EventName{AnchorEvent::Output, "output"},
    EventName{AnchorEvent::Stderr, "stderr"},
    EventName{AnchorEvent::Io, "io"},
    EventName{AnchorEvent::Block, "block"},
    EventName{AnchorEvent::Warning, "warning"},
    EventName{AnchorEvent::Exception, "exception"},
    EventName{AnchorEvent::RunEnd, "run-end"},
};

constexpr std::array kAllEvents = [] {
    std::array<AnchorEvent, kEventNames.size()> all{};
    for (std::size_t i = 0; i < kEventNames.size(); ++i)
        all[i] = kEventNames[i].event;
    return all;
}();

constexpr std::array kWarningKinds{
    WarningKind::NeverAwaited, WarningKind::ExceptionNeverRetrieved, WarningKind::BlockingCall,
    WarningKind::Deadlock,     WarningKind::LimitReached,            WarningKind::Deprecated,
};

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace

std::span<const AnchorEvent> allAnchorEvents()
{
    return kAllEvents;
}

std::string_view toString(AnchorEvent event)
{
    for (const EventName& entry : kEventNames) {
        if (entry.event == event)
            return entry.name;
    }
    return "?";
}

std::optional<AnchorEvent> anchorEventFromString(std::string_view name)
{
    for (const EventName& entry : kEventNames) {
        if (entry.name == name)
            return entry.event;
    }
    return std::nullopt;
}

bool anchorEventHasText(AnchorEvent event)
{
    return event == AnchorEvent::Output || event == AnchorEvent::Stderr || event == AnchorEvent::Warning
        || event == AnchorEvent::Exception;
}

std::optional<WarningKind> warningKindFromString(std::string_view name)
{
    for (WarningKind kind : kWarningKinds) {
        if (coroscope::toString(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString Anchor::describe() const
{
    QString text;
    switch (kind) {
    case AnchorKind::Line:
        text = QStringLiteral("line %1").arg(line);
        break;
    case AnchorKind::Time:
        return QStringLiteral("time %1 s").arg(seconds);
    case AnchorKind::Event:
        text = QStringLiteral("event ") + latin1(toString(event));
        if (warning)
            text += QStringLiteral(" (") + latin1(coroscope::toString(*warning)) + QLatin1Char(')');
        break;
    }
    if (nth != 1)
        text += QStringLiteral(" #%1").arg(nth);
    if (!task.isEmpty())
        text += QStringLiteral(" of task '%1'").arg(task);
    if (!match.isEmpty())
        text += QStringLiteral(" matching '%1'").arg(match);
    return text;
}

} // namespace coroscope::lessons
