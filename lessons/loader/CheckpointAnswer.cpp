#include "lessons/loader/CheckpointAnswer.h"

#include "lessons/loader/AnchorResolver.h"
#include "lessons/loader/TaskNames.h"

#include "core/trace/Model.h"
#include "core/trace/Trace.h"

namespace coroscope::lessons {

namespace {

/// At most this many choices are offered for "what prints next?".
constexpr qsizetype kMaxOutputChoices = 6;

QString qstring(const std::string& text)
{
    return QString::fromStdString(text);
}

bool finished(TaskState state)
{
    return state == TaskState::Done || state == TaskState::Failed || state == TaskState::Cancelled;
}

/// Lines of stdout in event order, each with the index of the event that completed it.
struct StdoutLine {
    QString text;
    std::size_t event = 0;
};

std::vector<StdoutLine> stdoutLines(const Trace& trace)
{
    std::vector<StdoutLine> lines;
    std::string partial;
    std::size_t last = 0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Event& e = trace[i];
        if (e.kind == EventKind::RunEnd && !partial.empty()) {
            lines.push_back({qstring(partial), last});
            partial.clear();
        }
        if (e.kind != EventKind::Output || Stream(e.a) != Stream::Stdout)
            continue;
        // A line belongs to the event that ends it; text printed before the
        // pause but finished after it is part of the next line all the same.
        for (char c : trace.text(e.v)) {
            if (c == '\n') {
                lines.push_back({qstring(partial), i});
                partial.clear();
            } else {
                partial.push_back(c);
            }
        }
        last = i;
    }
    return lines;
}

void answerNextOutput(const Trace& trace, CheckpointAnswer& answer)
{
    const std::vector<StdoutLine> lines = stdoutLines(trace);
    for (const StdoutLine& line : lines) {
        if (line.event >= answer.pause && answer.answer.isNull()) {
            answer.answer = line.text;
            answer.reveal = line.event + 1;
        }
        if (!answer.choices.contains(line.text) && answer.choices.size() < kMaxOutputChoices)
            answer.choices.append(line.text);
    }
    if (answer.answer.isNull()) {
        answer.nothing = true;
        answer.reveal = trace.size();
        return;
    }
    if (!answer.choices.contains(answer.answer))
        answer.choices.last() = answer.answer;
    answer.items = {answer.answer};
}

/// Names of the tasks that exist and have not finished at `model`'s position.
QStringList liveTasks(const Model& model, const TaskNames& names)
{
    QStringList live;
    for (TaskId id : model.taskIds()) {
        const TaskInfo* info = model.task(id);
        if (info && info->announced && !finished(info->state))
            live.append(qstring(names.name(id)));
    }
    return live;
}

void answerNextTask(const Trace& trace, CheckpointAnswer& answer)
{
    const TaskNames names(trace, trace.size());
    for (std::size_t i = answer.pause; i < trace.size(); ++i) {
        const Event& e = trace[i];
        if (e.kind == EventKind::Switch && e.subject != 0) {
            answer.answer = qstring(names.name(e.subject));
            answer.items = {answer.answer};
            answer.reveal = i + 1;
            break;
        }
    }
    const Model model = Model::fold(trace, answer.pause);
    answer.choices = liveTasks(model, names);
    if (answer.answer.isNull()) {
        answer.nothing = true;
        answer.reveal = trace.size();
        return;
    }
    if (!answer.choices.contains(answer.answer))
        answer.choices.append(answer.answer);
}

void answerReadyQueue(const Trace& trace, CheckpointAnswer& answer)
{
    const TaskNames names(trace, trace.size());
    const Model model = Model::fold(trace, answer.pause);
    for (const ReadyEntry& entry : model.readyQueue()) {
        if (entry.task != 0)
            answer.items.append(qstring(names.name(entry.task)));
        else if (entry.label.length != 0)
            answer.items.append(QString::fromStdString(std::string(trace.text(entry.label))));
        else
            answer.items.append(QStringLiteral("callback"));
    }
    answer.answer = answer.items.join(QStringLiteral(", "));
    answer.reveal = answer.pause;
    answer.choices = liveTasks(model, names);
    for (const QString& item : answer.items) {
        if (!answer.choices.contains(item))
            answer.choices.append(item);
    }
}

} // namespace

CheckpointAnswer CheckpointAnswer::fromRun(const Trace& trace, const Checkpoint& checkpoint)
{
    CheckpointAnswer answer;
    const std::optional<std::size_t> pause = AnchorResolver(trace).position(checkpoint.anchor);
    if (!pause)
        return answer;
    answer.resolved = true;
    answer.pause = *pause;
    switch (checkpoint.kind) {
    case CheckpointKind::NextOutput:
        answerNextOutput(trace, answer);
        break;
    case CheckpointKind::NextTask:
        answerNextTask(trace, answer);
        break;
    case CheckpointKind::ReadyQueue:
        answerReadyQueue(trace, answer);
        break;
    }
    return answer;
}

} // namespace coroscope::lessons
