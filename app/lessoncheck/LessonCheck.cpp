#include "app/lessoncheck/LessonCheck.h"

#include "core/runtime/RunContext.h"
#include "core/script/vm/Vm.h"
#include "core/trace/Trace.h"
#include "lessons/loader/AnchorResolver.h"
#include "lessons/loader/CheckpointAnswer.h"
#include "lessons/loader/Lesson.h"
#include "lessons/loader/LessonLibrary.h"
#include "lessons/loader/OutputNormalizer.h"
#include "lessons/loader/WorldJson.h"

#include <QFileInfo>
#include <QSet>

#include <exception>
#include <string>

namespace coroscope::cli {

namespace {

using lessons::Lesson;
using lessons::Program;

/// What one run of a program left behind.
struct RunOutput {
    std::string out;
    std::string err;
    int status = 0;
    QString crash; ///< set when the VM threw instead of finishing the run
};

RunOutput runProgram(const lessons::RunSpec& spec, Trace& trace)
{
    RunOutput run;
    QString worldError;
    std::shared_ptr<const WorldConfig> world = lessons::worldConfigOf(spec.world, worldError);
    if (!worldError.isEmpty()) {
        run.crash = QStringLiteral("bad world: %1").arg(worldError);
        return run;
    }
    const QString& source = spec.source;
    try {
        RunContext context;
        context.trace = &trace;
        pylite::Vm::Options options;
        options.filename = "main.py";
        options.argv = {"main.py"};
        options.context = &context;
        options.world = std::move(world);
        options.output = [&run](Stream stream, std::string_view text) {
            (stream == Stream::Stdout ? run.out : run.err).append(text);
        };
        pylite::Vm vm(std::move(options));
        vm.run(source.toStdString());
        run.status = vm.exitStatus();
    } catch (const std::exception& e) {
        run.crash = QString::fromUtf8(e.what());
    }
    return run;
}

/// The last non-blank line of stderr plus "\n", or "" (tests/scripts/regen.py's .err).
QString lastStderrLine(const QString& err)
{
    QStringList lines = err.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        while (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.isEmpty() ? QString() : lines.last() + QLatin1Char('\n');
}

/// A line for messages: quoted, with its line break and control characters escaped.
QString quoted(QString text)
{
    constexpr qsizetype kMax = 100;
    if (text.size() > kMax)
        text = text.left(kMax) + QStringLiteral("...");
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

/// Where two texts first differ, line by line ("" when they are equal).
QString firstDifference(const QString& expected, const QString& actual)
{
    if (expected == actual)
        return {};
    // After split(), a text that ends with "\n" has an empty last part: "no more lines".
    const QStringList want = expected.split(QLatin1Char('\n'));
    const QStringList got = actual.split(QLatin1Char('\n'));
    qsizetype i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i])
        ++i;
    const QString line = QString::number(i + 1);
    if (i >= want.size()) {
        return i == got.size() - 1 && got[i].isEmpty()
                   ? QStringLiteral("line %1: a final line break that is not expected").arg(line)
                   : QStringLiteral("line %1: expected nothing more, got %2").arg(line, quoted(got[i]));
    }
    if (i >= got.size()) {
        return i == want.size() - 1 && want[i].isEmpty()
                   ? QStringLiteral("line %1: the final line break is missing").arg(line)
                   : QStringLiteral("line %1: expected %2, got nothing more").arg(line, quoted(want[i]));
    }
    const bool wantEnds = i == want.size() - 1 && want[i].isEmpty();
    const bool gotEnds = i == got.size() - 1 && got[i].isEmpty();
    if (wantEnds)
        return QStringLiteral("line %1: expected nothing more, got %2").arg(line, quoted(got[i]));
    if (gotEnds)
        return QStringLiteral("line %1: expected %2, got nothing more").arg(line, quoted(want[i]));
    return QStringLiteral("line %1: expected %2, got %3").arg(line, quoted(want[i]), quoted(got[i]));
}

QString folderName(const Lesson& lesson)
{
    return QFileInfo(lesson.displayFolder).fileName();
}

void print(std::FILE* out, const QString& line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), out);
}

} // namespace

LessonCheck::Result LessonCheck::checkProgram(const Lesson& lesson, int index) const
{
    const Program& program = lesson.programs[index];
    Result result;
    result.entry = folderName(lesson) + QLatin1Char('/') + program.file;
    result.name = lesson.displayFolder + QLatin1Char('/') + program.file;
    result.hasExpected = program.expectedOutput.has_value();

    Trace trace;
    const RunOutput run = runProgram(lesson.runSpec(index), trace);
    result.status = run.status;
    if (!run.crash.isEmpty()) {
        result.problems.append(QStringLiteral("the VM crashed: %1").arg(run.crash));
        return result;
    }
    const QString out = QString::fromUtf8(run.out.data(), qsizetype(run.out.size()));
    const QString err = QString::fromUtf8(run.err.data(), qsizetype(run.err.size()));

    if (run.status != program.expectedStatus) {
        const QString last = lastStderrLine(err).trimmed();
        result.problems.append(QStringLiteral("exit status %1, expected %2%3")
                                   .arg(run.status)
                                   .arg(program.expectedStatus)
                                   .arg(last.isEmpty() ? QString() : QStringLiteral(" (stderr: %1)").arg(last)));
    }
    if (program.expectedOutput) {
        // "normalize" programs: CPython's output varies between runs, so both sides are normalized.
        const lessons::OutputNormalizer normalizer(program.normalize);
        const QString difference = firstDifference(normalizer.apply(*program.expectedOutput), normalizer.apply(out));
        if (!difference.isEmpty())
            result.problems.append(QStringLiteral("stdout differs from %1%2 at %3")
                                       .arg(program.expectedFile,
                                            normalizer.isEmpty() ? QString() : QStringLiteral(" (normalized)"),
                                            difference));
    }
    if (program.expectedStderr) {
        const QString last = lastStderrLine(err);
        if (last != *program.expectedStderr)
            result.problems.append(QStringLiteral("last stderr line is %1, %2 expects %3")
                                       .arg(quoted(last), program.expectedStderrFile, quoted(*program.expectedStderr)));
    }

    const lessons::AnchorResolver resolver(trace);
    for (qsizetype i = 0; i < lesson.narration.size(); ++i) {
        const lessons::NarrationStep& step = lesson.narration[i];
        if (step.program == index && !resolver.resolve(step.anchor))
            result.problems.append(QStringLiteral("narration[%1].anchor: %2 does not occur in the run")
                                       .arg(i)
                                       .arg(step.anchor.describe()));
    }
    for (qsizetype i = 0; i < lesson.checkpoints.size(); ++i) {
        const lessons::Checkpoint& checkpoint = lesson.checkpoints[i];
        if (checkpoint.program == index && !lessons::CheckpointAnswer::fromRun(trace, checkpoint).resolved)
            result.problems.append(QStringLiteral("checkpoints[%1].anchor: %2 does not occur in the run")
                                       .arg(i)
                                       .arg(checkpoint.anchor.describe()));
    }
    return result;
}

int LessonCheck::run(const lessons::LessonLibrary& library, std::FILE* out) const
{
    int passed = 0;
    int failed = 0;
    int knownFailing = 0;
    for (const lessons::LessonError& error : library.errors()) {
        print(out, error.toString());
        ++failed;
    }
    QSet<QString> seen;
    for (const Lesson& lesson : library.lessons()) {
        for (int index = 0; index < lesson.programs.size(); ++index) {
            const Result result = checkProgram(lesson, index);
            seen.insert(result.entry);
            const bool known = m_known.contains(result.entry);
            if (result.passed() && known) {
                print(out, QStringLiteral("%1: passes, but lessons/KNOWN_FAILING lists it: remove it from the list")
                               .arg(result.name));
                ++failed;
            } else if (result.passed()) {
                if (!result.hasExpected)
                    print(out, QStringLiteral("%1: no expected output; ran to exit status %2")
                                   .arg(result.name)
                                   .arg(result.status));
                ++passed;
            } else {
                for (const QString& problem : result.problems)
                    print(out, QStringLiteral("%1: %2%3")
                                   .arg(result.name, problem, known ? QStringLiteral(" (known failing)") : QString()));
                ++(known ? knownFailing : failed);
            }
            std::fflush(out);
        }
    }
    for (const QString& entry : m_known.entries()) {
        if (!seen.contains(entry)) {
            print(out, QStringLiteral("lessons/KNOWN_FAILING: \"%1\" names no lesson program").arg(entry));
            ++failed;
        }
    }
    QString summary = QStringLiteral("%1 passed, %2 failed").arg(passed).arg(failed);
    if (knownFailing > 0)
        summary += QStringLiteral(", %1 known failing").arg(knownFailing);
    print(out, summary);
    std::fflush(out);
    return failed == 0 ? 0 : 1;
}

} // namespace coroscope::cli
