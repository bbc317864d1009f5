#pragma once
// Program: one Python file of a lesson, with what it is expected to print and
// the simulated world it runs against.

#include "lessons/loader/LocalizedText.h"
#include "lessons/loader/OutputNormalizer.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace coroscope::lessons {

/// Where a program's expected output comes from.
enum class Reference : std::uint8_t {
    CPython, ///< "cpython": lessons/regen_expected.py records CPython 3.11's output
    Derived, ///< "derived": CPython cannot produce it (simulated world, virtual clock, Python 3.7
             ///< legacy forms); the expected file is derived from the world config and the semantics
};

struct Program {
    QString file;                  ///< file name inside the lesson folder ("main.py")
    LocalizedText title;           ///< shown on the program's tab
    QString source;                ///< the file's text, UTF-8 decoded
    QJsonObject world;             ///< the simulated world (DESIGN.md section 5); empty: defaults
    Reference reference = Reference::CPython;
    QString expectedFile;          ///< file with the exact expected stdout; empty when none yet
    std::optional<QString> expectedOutput; ///< that file's text, when there is one
    QString expectedStderrFile;    ///< file with the last non-blank stderr line plus "\n"; empty when unchecked
    std::optional<QString> expectedStderr; ///< that file's text, when there is one
    int expectedStatus = 0;        ///< exit status of coroscope-cli run (0 ok, 1 uncaught exception, 3 limit/deadlock)
    QList<NormalizeRule> normalize; ///< "normalize": rules applied to expected and actual stdout before comparing
    QStringList tutorialSnippets;  ///< the tutorial's code this program shows, as printed in the tutorial
    LocalizedText changes;         ///< how and why it differs from the tutorial; both empty: verbatim

    /// True when the program is the tutorial's code unchanged.
    bool isVerbatim() const { return changes.zh.isEmpty() && changes.en.isEmpty(); }
    /// Source lines without their line breaks; line N is lines()[N - 1].
    QStringList lines() const;
};

} // namespace coroscope::lessons

namespace coroscope::lessons {

/// Code as the tutorial prints it: every run of whitespace (line breaks and
/// indentation included) becomes one space, and the ends are trimmed. Two
/// texts are the same tutorial code when their flattened forms are equal.
QString flattenCode(const QString& code);

} // namespace coroscope::lessons
