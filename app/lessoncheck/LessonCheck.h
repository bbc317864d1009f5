#pragma once
// LessonCheck: `coroscope-cli lessons --check`. Runs every program of every
// lesson on the pylite VM, exactly as `coroscope-cli run` would run it as
// main.py, and checks it against its lesson: stdout equals the `expected`
// file, the last non-blank stderr line equals `expectedStderr`, the exit
// status equals `expectedStatus`, and every narration step and checkpoint
// of the program resolves to an event of the run's trace. A program
// without an expected file must still run to its expected status.
//
// Programs listed in KnownFailing are expected failures; a listed program
// that passes is an error, so the list only shrinks.

#include "app/lessoncheck/KnownFailing.h"

#include <QString>
#include <QStringList>

#include <cstdio>
#include <utility>

namespace coroscope::lessons {
struct Lesson;
class LessonLibrary;
} // namespace coroscope::lessons

namespace coroscope::cli {

class LessonCheck {
public:
    /// What checking one program found.
    struct Result {
        QString entry;        ///< "NN-slug/prog.py", as KnownFailing names it
        QString name;         ///< "lessons/NN-slug/prog.py", as messages name it
        QStringList problems; ///< one line per failed check; empty when the program passed
        int status = 0;       ///< exit status of the run (0, 1, 3 or sys.exit's code)
        bool hasExpected = false; ///< the program names an `expected` stdout file

        bool passed() const { return problems.isEmpty(); }
    };

    explicit LessonCheck(KnownFailing known) : m_known(std::move(known)) {}

    /// Runs program `index` of `lesson` and checks it (ignores KnownFailing).
    Result checkProgram(const lessons::Lesson& lesson, int index) const;

    /// Checks every lesson of `library`: prints each problem as
    /// "lessons/NN-slug/prog.py: what", then "N passed, M failed" (and
    /// ", K known failing" when some are). Loading errors of the library and
    /// KnownFailing entries that are stale (pass, or name no program) count
    /// as failures. Returns the exit status: 0 when nothing failed, else 1.
    int run(const lessons::LessonLibrary& library, std::FILE* out) const;

private:
    KnownFailing m_known;
};

} // namespace coroscope::cli
