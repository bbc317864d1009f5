#pragma once
// RunSpec: everything a run needs besides the limits: the program text, its
// file name and the world. Made from a lesson's program, or from a what-if.

#include <QJsonObject>
#include <QString>

namespace coroscope::lessons {

struct RunSpec {
    int program = 0;   ///< index into Lesson::programs
    QString file;      ///< the program's file name in the lesson folder, for display. Every program
                       ///< runs as "main.py" (as the golden scripts and regen_expected.py do), so
                       ///< tracebacks and task reprs match CPython's.
    QString source;    ///< the program text to run
    QJsonObject world; ///< the simulated world
    bool uvloop = false; ///< run on the uvloop variant of the loop
    QString whatIf;    ///< id of the what-if this spec comes from; empty for the program itself

    bool operator==(const RunSpec&) const = default;
};

} // namespace coroscope::lessons
