#pragma once
// CheckpointAnswer: the answer to a checkpoint, read from the recorded run
// (never from the lesson file), plus the choices a player can offer.

#include "lessons/loader/Checkpoint.h"

#include <QString>
#include <QStringList>

#include <cstddef>

namespace coroscope {
class Trace;
}

namespace coroscope::lessons {

struct CheckpointAnswer {
    bool resolved = false;   ///< the anchor was found in the run; nothing else is set otherwise
    std::size_t pause = 0;   ///< stop position where the question is asked (anchor index + 1)
    std::size_t reveal = 0;  ///< stop position at which the answer has happened (== pause for ready-queue)
    bool nothing = false;    ///< next-output: nothing more is printed; next-task: no task runs again
    QString answer;          ///< next-output: the line without "\n"; next-task: the task's name;
                             ///< ready-queue: the entries front first joined by ", " ("" when empty)
    QStringList items;       ///< ready-queue: one name per entry, front first; otherwise {answer} or {}
    QStringList choices;     ///< what a player may offer: the answer's candidates, the answer among them

    /// Reads the answer from events [0, trace.size()) of a finished run.
    static CheckpointAnswer fromRun(const Trace& trace, const Checkpoint& checkpoint);
};

} // namespace coroscope::lessons
