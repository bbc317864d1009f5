#pragma once
// Lesson: one chapter of the tutorial (or an extra topic) as a step-through
// lesson: its programs, the narration anchored to the runs, the checkpoints
// that ask the student to predict, and the what-if variants.

#include "lessons/loader/Checkpoint.h"
#include "lessons/loader/LocalizedText.h"
#include "lessons/loader/NarrationStep.h"
#include "lessons/loader/Program.h"
#include "lessons/loader/RunSpec.h"
#include "lessons/loader/WhatIf.h"

#include <QList>
#include <QString>

#include <optional>

namespace coroscope::lessons {

struct Lesson {
    QString id;            ///< unique across the library ([a-z0-9-]+)
    QString chapter;       ///< "1", "1.1", "3.4"; "A.1" for topics beyond the tutorial
    LocalizedText title;
    LocalizedText summary;
    QList<Program> programs; ///< at least one
    QList<NarrationStep> narration;
    QList<Checkpoint> checkpoints;
    QList<WhatIf> whatIfs;
    QString folder;        ///< where it was loaded from (":/lessons/02-greenlet", a disk path)
    QString displayFolder; ///< the folder as messages name it ("lessons/02-greenlet")

    /// The run of program `index` as written.
    RunSpec runSpec(int index) const;
    /// The what-if with this id, or nullptr.
    const WhatIf* whatIf(const QString& id) const;
    /// The run a what-if describes: its program with every replacement applied
    /// and its world merged over the program's; for a compareProgram what-if,
    /// that other program as written with its own world (the what-if's world
    /// merged over it). Returns nullopt and sets *error when a replacement's
    /// `from` is not in the text it edits or compareProgram is out of range.
    std::optional<RunSpec> runSpec(const WhatIf& whatIf, QString* error = nullptr) const;
    /// The narration steps of one program, in file order.
    QList<NarrationStep> narrationFor(int program) const;
    /// The checkpoints of one program, in file order.
    QList<Checkpoint> checkpointsFor(int program) const;
};

/// Orders chapters as a book does: "1" < "1.1" < "1.2" < "2" < "3.10" < "A.1".
/// Numeric parts compare as numbers and come before letter parts.
int compareChapters(const QString& a, const QString& b);

/// `over` merged into `base`: keys of `over` win, except that two objects
/// under the same key are merged recursively.
QJsonObject mergeWorld(const QJsonObject& base, const QJsonObject& over);

} // namespace coroscope::lessons
