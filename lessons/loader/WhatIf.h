#pragma once
// WhatIf: a variant of one of the lesson's programs that the student can
// toggle to compare both runs side by side. A variant edits the program text,
// overrides part of the world, turns uvloop on, or is another program of the
// same lesson as written (compareProgram).

#include "lessons/loader/LocalizedText.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace coroscope::lessons {

/// Replaces every occurrence of `from` by `to`; `from` must occur in the program.
struct TextReplacement {
    QString from;
    QString to;
    bool operator==(const TextReplacement&) const = default;
};

struct WhatIf {
    QString id;                          ///< unique within the lesson ([a-z0-9-]+)
    int program = 0;                     ///< index into Lesson::programs of the program it varies
    LocalizedText label;                 ///< the toggle's text
    LocalizedText explain;               ///< optional: what to look for in the comparison
    QList<TextReplacement> replacements; ///< applied in order to the program text
    QJsonObject world;                   ///< merged over the program's world (objects merge key by key)
    bool uvloop = false;                 ///< run on the uninstrumented uvloop variant of the loop
    /// Index into Lesson::programs of another program to compare with (its
    /// text and its own world, as written); -1: a variant of `program`.
    /// Never combined with `replacements`.
    int compareProgram = -1;

    bool operator==(const WhatIf&) const = default;
};

} // namespace coroscope::lessons
