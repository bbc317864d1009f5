#include "lessons/loader/detail/LessonParser.h"

#include "lessons/loader/detail/JsonFields.h"
#include "lessons/loader/detail/WorldRead.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace coroscope::lessons::detail {

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

QString eventNames()
{
    QStringList names;
    for (AnchorEvent event : allAnchorEvents())
        names.append(latin1(toString(event)));
    return names.join(QStringLiteral(", "));
}

/// A plain file name inside the lesson folder: no directories, no "..".
bool isPlainFileName(const QString& name)
{
    static const QRegularExpression kPlain(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*$"));
    return kPlain.match(name).hasMatch() && !name.contains(QStringLiteral(".."));
}

class Parser {
public:
    Parser(const QString& file, const FolderReader& read, QList<LessonError>& errors)
        : m_fields(file, errors)
        , m_read(read)
    {
    }

    std::optional<Lesson> parse(const QJsonObject& root)
    {
        m_fields.rejectUnknown(root, {},
                               {key("id"), key("chapter"), key("title"), key("summary"), key("programs"),
                                key("narration"), key("checkpoints"), key("whatIf")});
        Lesson lesson;
        if (const std::optional<QString> id = m_fields.string(root, {}, key("id"), true)) {
            static const QRegularExpression kId(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
            if (!kId.match(*id).hasMatch())
                m_fields.error(key("id"), QStringLiteral("expected lower-case letters, digits and '-', got \"%1\"").arg(*id));
            lesson.id = *id;
        }
        if (const std::optional<QString> chapter = m_fields.string(root, {}, key("chapter"), true)) {
            static const QRegularExpression kChapter(QStringLiteral("^([0-9]+|[A-Z])(\\.[0-9]+)*$"));
            if (!kChapter.match(*chapter).hasMatch())
                m_fields.error(key("chapter"),
                               QStringLiteral("expected a section number such as \"3.4\" (or \"A.1\" beyond the "
                                              "tutorial), got \"%1\"").arg(*chapter));
            lesson.chapter = *chapter;
        }
        if (const std::optional<LocalizedText> title = m_fields.localized(root, {}, key("title"), true))
            lesson.title = *title;
        if (const std::optional<LocalizedText> summary = m_fields.localized(root, {}, key("summary"), true))
            lesson.summary = *summary;

        parsePrograms(root, lesson);
        parseNarration(root, lesson);
        parseCheckpoints(root, lesson);
        parseWhatIfs(root, lesson);
        if (m_fields.errorCount() > 0)
            return std::nullopt;
        return lesson;
    }

private:
    void parsePrograms(const QJsonObject& root, Lesson& lesson)
    {
        const std::optional<QJsonArray> programs = m_fields.array(root, {}, key("programs"), true);
        if (!programs)
            return;
        if (programs->isEmpty())
            m_fields.error(key("programs"), QStringLiteral("a lesson needs at least one program"));
        QSet<QString> files;
        for (qsizetype i = 0; i < programs->size(); ++i) {
            const QString path = fieldPath(key("programs"), i);
            Program program;
            // A program that fails to parse still takes its index, so that
            // later index checks report against the file's own numbering.
            if (const std::optional<QJsonObject> object = m_fields.asObject(programs->at(i), path))
                parseProgram(*object, path, program);
            if (!program.file.isEmpty()) {
                if (files.contains(program.file))
                    m_fields.error(fieldPath(path, key("file")),
                                   QStringLiteral("\"%1\" is already used by another program").arg(program.file));
                files.insert(program.file);
            }
            lesson.programs.append(program);
        }
    }

    std::optional<QString> readNamedFile(const QJsonObject& o, const QString& path, const char* field, bool required,
                                         QString* name)
    {
        const std::optional<QString> file = m_fields.nonEmptyString(o, path, key(field), required);
        if (!file)
            return std::nullopt;
        if (!isPlainFileName(*file)) {
            m_fields.error(fieldPath(path, key(field)),
                           QStringLiteral("expected a plain file name inside the lesson folder, got \"%1\"").arg(*file));
            return std::nullopt;
        }
        *name = *file;
        QString problem;
        std::optional<QString> text = m_read(*file, &problem);
        if (!text)
            m_fields.error(fieldPath(path, key(field)),
                           QStringLiteral("cannot read \"%1\" in the lesson folder: %2").arg(*file, problem));
        return text;
    }

    void parseProgram(const QJsonObject& o, const QString& path, Program& program)
    {
        m_fields.rejectUnknown(o, path,
                               {key("file"), key("title"), key("expected"), key("expectedStderr"),
                                key("expectedStatus"), key("reference"), key("world"), key("tutorial"),
                                key("changes"), key("normalize")});
        if (const std::optional<QString> source = readNamedFile(o, path, "file", true, &program.file)) {
            if (!program.file.endsWith(QStringLiteral(".py")))
                m_fields.error(fieldPath(path, key("file")), QStringLiteral("a program file must end in .py"));
            program.source = *source;
        }
        if (const std::optional<LocalizedText> title = m_fields.localized(o, path, key("title"), true))
            program.title = *title;
        program.expectedOutput = readNamedFile(o, path, "expected", false, &program.expectedFile);
        program.expectedStderr = readNamedFile(o, path, "expectedStderr", false, &program.expectedStderrFile);
        if (const std::optional<int> status = m_fields.nonNegativeInt(o, path, key("expectedStatus"), false)) {
            if (*status > 3)
                m_fields.error(fieldPath(path, key("expectedStatus")),
                               QStringLiteral("expected 0, 1 or 3 (coroscope-cli run's exit statuses), got %1").arg(*status));
            program.expectedStatus = *status;
        }
        if (const std::optional<QString> reference = m_fields.string(o, path, key("reference"), false)) {
            if (*reference == QLatin1String("cpython"))
                program.reference = Reference::CPython;
            else if (*reference == QLatin1String("derived"))
                program.reference = Reference::Derived;
            else
                m_fields.error(fieldPath(path, key("reference")),
                               QStringLiteral("expected \"cpython\" or \"derived\", got \"%1\"").arg(*reference));
        }
        if (const std::optional<QJsonObject> world = m_fields.object(o, path, key("world"), false)) {
            readWorld(m_fields, *world, fieldPath(path, key("world")));
            program.world = *world;
        }
        if (const std::optional<LocalizedText> changes = m_fields.localized(o, path, key("changes"), false))
            program.changes = *changes;
        parseNormalize(o, path, program);
        parseTutorial(o, path, program);
    }

    /// "normalize": a non-empty array of distinct rule names, for a program with an "expected" file.
    void parseNormalize(const QJsonObject& o, const QString& path, Program& program)
    {
        const std::optional<QJsonArray> rules = m_fields.array(o, path, key("normalize"), false);
        if (!rules)
            return;
        const QString here = fieldPath(path, key("normalize"));
        const QString known = QLatin1Char('"') + OutputNormalizer::ruleNames().join(QStringLiteral("\", \""))
                              + QLatin1Char('"');
        if (rules->isEmpty())
            m_fields.error(here, QStringLiteral("expected at least one rule (%1); leave \"normalize\" out for an "
                                                "exact comparison").arg(known));
        if (!o.contains(key("expected")))
            m_fields.error(here, QStringLiteral("normalizes the comparison with an \"expected\" file, but the "
                                                "program names none"));
        for (qsizetype i = 0; i < rules->size(); ++i) {
            const QJsonValue v = rules->at(i);
            const std::optional<NormalizeRule> rule = v.isString() ? OutputNormalizer::ruleNamed(v.toString())
                                                                   : std::nullopt;
            if (!rule) {
                m_fields.error(fieldPath(here, i),
                               QStringLiteral("unknown normalize rule %1; expected one of %2")
                                   .arg(v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                                     : QStringLiteral("(not a string)"),
                                        known));
            } else if (program.normalize.contains(*rule)) {
                m_fields.error(fieldPath(here, i), QStringLiteral("rule \"%1\" is listed twice").arg(v.toString()));
            } else {
                program.normalize.append(*rule);
            }
        }
    }

    void parseTutorial(const QJsonObject& o, const QString& path, Program& program)
    {
        const std::optional<QJsonArray> snippets = m_fields.array(o, path, key("tutorial"), false);
        if (!snippets)
            return;
        const QString here = fieldPath(path, key("tutorial"));
        const QString flat = flattenCode(program.source);
        for (qsizetype i = 0; i < snippets->size(); ++i) {
            const QJsonValue v = snippets->at(i);
            if (!v.isString() || v.toString().trimmed().isEmpty()) {
                m_fields.error(fieldPath(here, i), QStringLiteral("expected a non-empty string of tutorial code"));
                continue;
            }
            program.tutorialSnippets.append(v.toString());
            if (!program.source.isEmpty() && !flat.contains(flattenCode(v.toString())))
                m_fields.error(fieldPath(here, i),
                               QStringLiteral("this tutorial code does not occur in %1 (compared with all "
                                              "whitespace runs as single spaces)").arg(program.file));
        }
        if (snippets->isEmpty())
            m_fields.error(here, QStringLiteral("expected at least one snippet of tutorial code"));
        if (program.isVerbatim() && !program.source.isEmpty() && program.tutorialSnippets.size() == 1
            && flat != flattenCode(program.tutorialSnippets.first()))
            m_fields.error(here, QStringLiteral("%1 has no \"changes\", so it must be exactly this tutorial code; "
                                                "say what changed and why in \"changes\"").arg(program.file));
        if (program.isVerbatim() && program.tutorialSnippets.size() > 1)
            m_fields.error(here, QStringLiteral("a verbatim program (no \"changes\") has exactly one snippet: the "
                                                "whole example"));
    }

    /// The program index of a narration step, checkpoint or what-if (default 0).
    int programIndex(const QJsonObject& o, const QString& path, const Lesson& lesson)
    {
        const std::optional<int> index = m_fields.nonNegativeInt(o, path, key("program"), false);
        if (!index)
            return 0;
        if (*index >= lesson.programs.size()) {
            m_fields.error(fieldPath(path, key("program")),
                           QStringLiteral("expected an index below %1 (the lesson has %1 program(s))")
                               .arg(lesson.programs.size()));
            return -1;
        }
        return *index;
    }

    /// The index of the program a what-if compares `program` with; -1 after an error.
    int compareProgramIndex(const QJsonObject& o, const QString& path, const Lesson& lesson, int program)
    {
        const std::optional<int> index = m_fields.nonNegativeInt(o, path, key("compareProgram"), true);
        if (!index)
            return -1;
        const QString here = fieldPath(path, key("compareProgram"));
        if (*index >= lesson.programs.size()) {
            m_fields.error(here, QStringLiteral("expected an index below %1 (the lesson has %1 program(s)), got %2")
                                     .arg(lesson.programs.size())
                                     .arg(*index));
            return -1;
        }
        if (*index == program) {
            m_fields.error(here, QStringLiteral("names program %1, the program it would be compared with; "
                                                "expected another program").arg(*index));
            return -1;
        }
        return *index;
    }

    std::optional<Anchor> parseAnchor(const QJsonObject& owner, const QString& ownerPath, const Lesson& lesson,
                                      int program)
    {
        const std::optional<QJsonObject> o = m_fields.object(owner, ownerPath, key("anchor"), true);
        if (!o)
            return std::nullopt;
        const QString path = fieldPath(ownerPath, key("anchor"));
        m_fields.rejectUnknown(*o, path,
                               {key("line"), key("event"), key("time"), key("nth"), key("task"), key("match"),
                                key("warning")});
        const int forms = int(o->contains(key("line"))) + int(o->contains(key("event"))) + int(o->contains(key("time")));
        if (forms != 1) {
            m_fields.error(path, QStringLiteral("expected exactly one of \"line\", \"event\" and \"time\""));
            return std::nullopt;
        }
        const int before = m_fields.errorCount();
        Anchor anchor;
        if (o->contains(key("time"))) {
            anchor.kind = AnchorKind::Time;
            for (const char* extra : {"nth", "task", "match", "warning"}) {
                if (o->contains(key(extra)))
                    m_fields.error(fieldPath(path, key(extra)), QStringLiteral("a time anchor takes no \"%1\"").arg(key(extra)));
            }
            const std::optional<double> seconds = m_fields.nonNegativeNumber(*o, path, key("time"), true);
            if (seconds && *seconds <= 0)
                m_fields.error(fieldPath(path, key("time")), QStringLiteral("expected a time in seconds above 0"));
            anchor.seconds = seconds.value_or(0);
        } else {
            anchor.nth = m_fields.positiveInt(*o, path, key("nth"), false).value_or(1);
            anchor.task = m_fields.nonEmptyString(*o, path, key("task"), false).value_or(QString());
            if (o->contains(key("line")))
                parseLineAnchor(*o, path, lesson, program, anchor);
            else
                parseEventAnchor(*o, path, anchor);
        }
        if (m_fields.errorCount() != before)
            return std::nullopt;
        return anchor;
    }

    void parseLineAnchor(const QJsonObject& o, const QString& path, const Lesson& lesson, int program, Anchor& anchor)
    {
        anchor.kind = AnchorKind::Line;
        for (const char* extra : {"match", "warning"}) {
            if (o.contains(key(extra)))
                m_fields.error(fieldPath(path, key(extra)), QStringLiteral("a line anchor takes no \"%1\"").arg(key(extra)));
        }
        const std::optional<int> line = m_fields.positiveInt(o, path, key("line"), true);
        if (!line)
            return;
        anchor.line = *line;
        if (program < 0 || program >= lesson.programs.size() || lesson.programs[program].source.isEmpty())
            return;
        const Program& target = lesson.programs[program];
        const QStringList lines = target.lines();
        const QString here = fieldPath(path, key("line"));
        if (*line > lines.size()) {
            m_fields.error(here, QStringLiteral("line %1 is past the end of %2 (%3 lines)")
                                     .arg(*line).arg(target.file).arg(lines.size()));
            return;
        }
        const QString text = lines[*line - 1].trimmed();
        if (text.isEmpty())
            m_fields.error(here, QStringLiteral("line %1 of %2 is blank").arg(*line).arg(target.file));
        else if (text.startsWith(QLatin1Char('#')))
            m_fields.error(here, QStringLiteral("line %1 of %2 is a comment; no code runs there").arg(*line).arg(target.file));
    }

    void parseEventAnchor(const QJsonObject& o, const QString& path, Anchor& anchor)
    {
        anchor.kind = AnchorKind::Event;
        const std::optional<QString> name = m_fields.string(o, path, key("event"), true);
        if (!name)
            return;
        const std::optional<AnchorEvent> event = anchorEventFromString(name->toStdString());
        if (!event) {
            m_fields.error(fieldPath(path, key("event")),
                           QStringLiteral("unknown event \"%1\" (expected one of: %2)").arg(*name, eventNames()));
            return;
        }
        anchor.event = *event;
        if ((*event == AnchorEvent::FirstSwitch || *event == AnchorEvent::RunEnd) && anchor.nth != 1)
            m_fields.error(fieldPath(path, key("nth")),
                           QStringLiteral("\"%1\" happens once; it takes no \"nth\"").arg(*name));
        if (*event == AnchorEvent::RunEnd && !anchor.task.isEmpty())
            m_fields.error(fieldPath(path, key("task")), QStringLiteral("\"run-end\" belongs to no task"));
        if (const std::optional<QString> match = m_fields.nonEmptyString(o, path, key("match"), false)) {
            if (!anchorEventHasText(*event))
                m_fields.error(fieldPath(path, key("match")),
                               QStringLiteral("only output, stderr, warning and exception anchors have a text to match"));
            anchor.match = *match;
        }
        if (const std::optional<QString> warning = m_fields.string(o, path, key("warning"), false)) {
            if (*event != AnchorEvent::Warning) {
                m_fields.error(fieldPath(path, key("warning")), QStringLiteral("only a \"warning\" anchor takes a warning kind"));
            } else if (const std::optional<WarningKind> kind = warningKindFromString(warning->toStdString())) {
                anchor.warning = *kind;
            } else {
                QStringList kinds;
                for (WarningKind k : {WarningKind::NeverAwaited, WarningKind::ExceptionNeverRetrieved,
                                      WarningKind::BlockingCall, WarningKind::Deadlock, WarningKind::LimitReached,
                                      WarningKind::Deprecated})
                    kinds.append(latin1(coroscope::toString(k)));
                m_fields.error(fieldPath(path, key("warning")),
                               QStringLiteral("unknown warning kind \"%1\" (expected one of: %2)")
                                   .arg(*warning, kinds.join(QStringLiteral(", "))));
            }
        }
    }

    void parseNarration(const QJsonObject& root, Lesson& lesson)
    {
        const std::optional<QJsonArray> steps = m_fields.array(root, {}, key("narration"), true);
        if (!steps)
            return;
        for (qsizetype i = 0; i < steps->size(); ++i) {
            const QString path = fieldPath(key("narration"), i);
            const std::optional<QJsonObject> o = m_fields.asObject(steps->at(i), path);
            if (!o)
                continue;
            m_fields.rejectUnknown(*o, path, {key("anchor"), key("text"), key("program")});
            NarrationStep step;
            step.program = programIndex(*o, path, lesson);
            const std::optional<Anchor> anchor = parseAnchor(*o, path, lesson, step.program);
            const std::optional<LocalizedText> text = m_fields.localized(*o, path, key("text"), true);
            if (anchor && text) {
                step.anchor = *anchor;
                step.text = *text;
                lesson.narration.append(step);
            }
        }
    }

    void parseCheckpoints(const QJsonObject& root, Lesson& lesson)
    {
        const std::optional<QJsonArray> list = m_fields.array(root, {}, key("checkpoints"), false);
        if (!list)
            return;
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString path = fieldPath(key("checkpoints"), i);
            const std::optional<QJsonObject> o = m_fields.asObject(list->at(i), path);
            if (!o)
                continue;
            m_fields.rejectUnknown(*o, path, {key("kind"), key("anchor"), key("prompt"), key("explain"), key("program")});
            Checkpoint checkpoint;
            checkpoint.program = programIndex(*o, path, lesson);
            bool ok = true;
            if (const std::optional<QString> kind = m_fields.string(*o, path, key("kind"), true)) {
                if (const std::optional<CheckpointKind> parsed = checkpointKindFromString(kind->toStdString())) {
                    checkpoint.kind = *parsed;
                } else {
                    m_fields.error(fieldPath(path, key("kind")),
                                   QStringLiteral("unknown checkpoint kind \"%1\" (expected one of: next-output, "
                                                  "next-task, ready-queue)").arg(*kind));
                    ok = false;
                }
            } else {
                ok = false;
            }
            const std::optional<Anchor> anchor = parseAnchor(*o, path, lesson, checkpoint.program);
            const std::optional<LocalizedText> prompt = m_fields.localized(*o, path, key("prompt"), true);
            const std::optional<LocalizedText> explain = m_fields.localized(*o, path, key("explain"), false);
            if (ok && anchor && prompt) {
                checkpoint.anchor = *anchor;
                checkpoint.prompt = *prompt;
                checkpoint.explain = explain.value_or(LocalizedText{});
                lesson.checkpoints.append(checkpoint);
            }
        }
    }

    void parseReplacement(const QJsonValue& v, const QString& path, const Lesson& lesson, WhatIf& variant,
                          QString& text)
    {
        const std::optional<QJsonObject> o = m_fields.asObject(v, path);
        if (!o)
            return;
        m_fields.rejectUnknown(*o, path, {key("from"), key("to")});
        const std::optional<QString> from = m_fields.string(*o, path, key("from"), true);
        const std::optional<QString> to = m_fields.string(*o, path, key("to"), true);
        if (!from || !to)
            return;
        if (from->isEmpty()) {
            m_fields.error(fieldPath(path, key("from")), QStringLiteral("must not be empty"));
            return;
        }
        if (variant.program >= 0 && variant.program < lesson.programs.size() && !text.isEmpty()) {
            if (!text.contains(*from)) {
                m_fields.error(fieldPath(path, key("from")),
                               QStringLiteral("\"%1\" does not occur in %2%3")
                                   .arg(*from, lesson.programs[variant.program].file,
                                        variant.replacements.isEmpty() ? QString()
                                                                       : QStringLiteral(" after the earlier replacements")));
                return;
            }
            text.replace(*from, *to);
        }
        variant.replacements.append(TextReplacement{*from, *to});
    }

    void parseWhatIfs(const QJsonObject& root, Lesson& lesson)
    {
        const std::optional<QJsonArray> list = m_fields.array(root, {}, key("whatIf"), false);
        if (!list)
            return;
        QSet<QString> ids;
        for (qsizetype i = 0; i < list->size(); ++i) {
            const QString path = fieldPath(key("whatIf"), i);
            const std::optional<QJsonObject> o = m_fields.asObject(list->at(i), path);
            if (!o)
                continue;
            m_fields.rejectUnknown(*o, path,
                                   {key("id"), key("label"), key("explain"), key("program"), key("replace"),
                                    key("world"), key("uvloop"), key("compareProgram")});
            const int before = m_fields.errorCount();
            WhatIf variant;
            variant.program = programIndex(*o, path, lesson);
            if (const std::optional<QString> id = m_fields.nonEmptyString(*o, path, key("id"), true)) {
                static const QRegularExpression kId(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
                if (!kId.match(*id).hasMatch())
                    m_fields.error(fieldPath(path, key("id")),
                                   QStringLiteral("expected lower-case letters, digits and '-', got \"%1\"").arg(*id));
                if (ids.contains(*id))
                    m_fields.error(fieldPath(path, key("id")), QStringLiteral("\"%1\" is already used by another what-if").arg(*id));
                ids.insert(*id);
                variant.id = *id;
            }
            variant.label = m_fields.localized(*o, path, key("label"), true).value_or(LocalizedText{});
            variant.explain = m_fields.localized(*o, path, key("explain"), false).value_or(LocalizedText{});
            QString text = variant.program >= 0 && variant.program < lesson.programs.size()
                ? lesson.programs[variant.program].source
                : QString();
            const bool compares = o->contains(key("compareProgram"));
            if (compares)
                variant.compareProgram = compareProgramIndex(*o, path, lesson, variant.program);
            if (compares && o->contains(key("replace"))) {
                m_fields.error(fieldPath(path, key("compareProgram")),
                               QStringLiteral("cannot be combined with \"replace\": the other program runs as written"));
            } else if (o->contains(key("replace"))) {
                const QJsonValue replace = o->value(key("replace"));
                const QString here = fieldPath(path, key("replace"));
                if (replace.isArray()) {
                    const QJsonArray edits = replace.toArray();
                    if (edits.isEmpty())
                        m_fields.error(here, QStringLiteral("expected at least one {\"from\", \"to\"} edit"));
                    for (qsizetype j = 0; j < edits.size(); ++j)
                        parseReplacement(edits.at(j), fieldPath(here, j), lesson, variant, text);
                } else {
                    parseReplacement(replace, here, lesson, variant, text);
                }
            }
            if (const std::optional<QJsonObject> world = m_fields.object(*o, path, key("world"), false)) {
                readWorld(m_fields, *world, fieldPath(path, key("world")));
                variant.world = *world;
            }
            variant.uvloop = m_fields.boolean(*o, path, key("uvloop"), false).value_or(false);
            if (variant.replacements.isEmpty() && variant.world.isEmpty() && !variant.uvloop && !compares
                && m_fields.errorCount() == before)
                m_fields.error(path, QStringLiteral("a what-if needs \"replace\", \"world\", \"uvloop\": true or \"compareProgram\""));
            if (m_fields.errorCount() == before)
                lesson.whatIfs.append(variant);
        }
    }

    JsonFields m_fields;
    const FolderReader& m_read;
};

} // namespace

std::optional<Lesson> parseLesson(const QJsonObject& root, const QString& file, const FolderReader& read,
                                  QList<LessonError>& errors)
{
    return Parser(file, read, errors).parse(root);
}

} // namespace coroscope::lessons::detail
