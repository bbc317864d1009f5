#include "lessons/loader/Lesson.h"

#include <QStringList>

namespace coroscope::lessons {

RunSpec Lesson::runSpec(int index) const
{
    const Program& program = programs.at(index);
    RunSpec spec;
    spec.program = index;
    spec.file = program.file;
    spec.source = program.source;
    spec.world = program.world;
    return spec;
}

const WhatIf* Lesson::whatIf(const QString& id) const
{
    for (const WhatIf& candidate : whatIfs) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

std::optional<RunSpec> Lesson::runSpec(const WhatIf& variant, QString* error) const
{
    if (variant.program < 0 || variant.program >= programs.size()) {
        if (error)
            *error = QStringLiteral("what-if '%1' names program %2, but the lesson has %3")
                         .arg(variant.id).arg(variant.program).arg(programs.size());
        return std::nullopt;
    }
    if (variant.compareProgram >= 0) {
        if (variant.compareProgram >= programs.size()) {
            if (error)
                *error = QStringLiteral("what-if '%1' compares with program %2, but the lesson has %3")
                             .arg(variant.id).arg(variant.compareProgram).arg(programs.size());
            return std::nullopt;
        }
        if (!variant.replacements.isEmpty()) {
            if (error)
                *error = QStringLiteral("what-if '%1' compares with another program and cannot also edit text")
                             .arg(variant.id);
            return std::nullopt;
        }
    }
    RunSpec spec = runSpec(variant.compareProgram >= 0 ? variant.compareProgram : variant.program);
    for (const TextReplacement& edit : variant.replacements) {
        if (!spec.source.contains(edit.from)) {
            if (error)
                *error = QStringLiteral("what-if '%1': '%2' does not occur in %3")
                             .arg(variant.id, edit.from, spec.file);
            return std::nullopt;
        }
        spec.source.replace(edit.from, edit.to);
    }
    spec.world = mergeWorld(spec.world, variant.world);
    spec.uvloop = variant.uvloop;
    spec.whatIf = variant.id;
    return spec;
}

QList<NarrationStep> Lesson::narrationFor(int program) const
{
    QList<NarrationStep> result;
    for (const NarrationStep& step : narration) {
        if (step.program == program)
            result.append(step);
    }
    return result;
}

QList<Checkpoint> Lesson::checkpointsFor(int program) const
{
    QList<Checkpoint> result;
    for (const Checkpoint& checkpoint : checkpoints) {
        if (checkpoint.program == program)
            result.append(checkpoint);
    }
    return result;
}

int compareChapters(const QString& a, const QString& b)
{
    const QStringList left = a.split(QLatin1Char('.'));
    const QStringList right = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < qMin(left.size(), right.size()); ++i) {
        bool leftNumeric = false;
        bool rightNumeric = false;
        const long long l = left[i].toLongLong(&leftNumeric);
        const long long r = right[i].toLongLong(&rightNumeric);
        if (leftNumeric && rightNumeric) {
            if (l != r)
                return l < r ? -1 : 1;
            continue;
        }
        if (leftNumeric != rightNumeric)
            return leftNumeric ? -1 : 1;
        const int order = QString::compare(left[i], right[i], Qt::CaseSensitive);
        if (order != 0)
            return order < 0 ? -1 : 1;
    }
    if (left.size() == right.size())
        return 0;
    return left.size() < right.size() ? -1 : 1;
}

QJsonObject mergeWorld(const QJsonObject& base, const QJsonObject& over)
{
    QJsonObject result = base;
    for (auto it = over.begin(); it != over.end(); ++it) {
        const QJsonValue existing = result.value(it.key());
        if (existing.isObject() && it.value().isObject())
            result.insert(it.key(), mergeWorld(existing.toObject(), it.value().toObject()));
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace coroscope::lessons
