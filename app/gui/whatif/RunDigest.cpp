#include "app/gui/whatif/RunDigest.h"

#include "core/trace/Trace.h"

#include <QHash>

#include <algorithm>

namespace coroscope {

namespace {

QString textOf(const Trace& trace, StrRef ref)
{
    const std::string_view s = trace.text(ref);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// Splits the output chunks into lines. stdout and stderr each keep their
/// own unfinished line, as a terminal showing both streams would not.
QList<DigestLine> outputLines(const Model& model, const Trace& trace)
{
    QList<DigestLine> lines;
    struct Pending {
        QString text;
        TaskId task = 0;
        bool open = false;
    };
    Pending pending[2];
    for (std::size_t i = 0; i < model.outputCount(); ++i) {
        const OutputChunk& chunk = model.output(i);
        const int s = chunk.stream == Stream::Stderr ? 1 : 0;
        Pending& p = pending[s];
        const QString text = textOf(trace, chunk.text);
        qsizetype from = 0;
        while (from < text.size()) {
            if (!p.open) {
                p.open = true;
                p.task = chunk.task;
            }
            const qsizetype nl = text.indexOf(QLatin1Char('\n'), from);
            if (nl < 0) {
                p.text += text.mid(from);
                break;
            }
            p.text += text.mid(from, nl - from);
            lines.append({p.text, chunk.stream, p.task});
            p = Pending{};
            from = nl + 1;
        }
    }
    for (int s = 0; s < 2; ++s) {
        if (pending[s].open)
            lines.append({pending[s].text, s == 1 ? Stream::Stderr : Stream::Stdout, pending[s].task});
    }
    return lines;
}

void addSegment(DigestLane& lane, const Segment& segment)
{
    if (segment.end <= segment.begin)
        return;
    lane.segments.push_back(segment);
    lane.spent[std::size_t(segment.activity)] += segment.end - segment.begin;
}

} // namespace

QString RunDigest::loopKey()
{
    return QStringLiteral("loop");
}

RunDigest RunDigest::fromTrace(const Trace& trace, std::size_t events)
{
    RunDigest digest;
    Model model;
    Timeline timeline;
    model.applyUntil(trace, std::min(events, trace.size()), &timeline);

    digest.m_events = model.position();
    digest.m_ended = model.ended();
    digest.m_status = model.endStatus();
    Nanos end = model.now();
    for (TaskId id : model.taskIds())
        end = std::max(end, model.clockOf(id));
    digest.m_endTime = end;

    std::vector<TaskId> ids{0};
    for (TaskId id : model.taskIds()) {
        if (id != 0)
            ids.push_back(id);
    }
    QHash<QString, int> seen;
    for (TaskId id : ids) {
        DigestLane lane;
        lane.task = id;
        lane.finishedAt = end;
        if (id == 0) {
            lane.key = loopKey();
        } else {
            const TaskInfo* info = model.task(id);
            lane.kind = info->kind;
            lane.finalState = info->state;
            lane.switches = info->switches;
            lane.createdAt = info->createdAt;
            const bool finished = info->state == TaskState::Done || info->state == TaskState::Failed
                                  || info->state == TaskState::Cancelled;
            if (finished)
                lane.finishedAt = info->since;
            lane.name = info->name.length ? textOf(trace, info->name) : QString();
            const QString base = QString::fromLatin1(toString(lane.kind).data(), qsizetype(toString(lane.kind).size()))
                                 + QLatin1Char(':') + lane.name;
            lane.key = base + QLatin1Char('#') + QString::number(seen[base]++);
        }
        for (std::size_t i = 0; i < timeline.segmentCount(id); ++i)
            addSegment(lane, timeline.segment(id, i));
        Interval open;
        if (id != 0 && model.openInterval(id, open)) {
            Segment s;
            s.begin = open.begin;
            s.end = std::max(open.end, end);
            s.beginEvent = open.beginEvent;
            s.endEvent = open.endEvent;
            s.target = open.target;
            s.activity = open.activity;
            s.waitKind = open.waitKind;
            addSegment(lane, s);
        }
        std::sort(lane.segments.begin(), lane.segments.end(),
                  [](const Segment& a, const Segment& b) { return a.begin < b.begin; });
        digest.m_lanes.push_back(std::move(lane));
    }
    digest.m_output = outputLines(model, trace);
    return digest;
}

const DigestLane* RunDigest::lane(const QString& key) const
{
    for (const DigestLane& l : m_lanes) {
        if (l.key == key)
            return &l;
    }
    return nullptr;
}

const DigestLane* RunDigest::laneOfTask(TaskId task) const
{
    for (const DigestLane& l : m_lanes) {
        if (l.task == task)
            return &l;
    }
    return nullptr;
}

} // namespace coroscope
