// MainWindow, continued: what keeps the window on a run of the code in the
// editor — lessons and files opened into the editor, runs started and
// ended, and the panes that follow the playhead.

#include "app/gui/window/MainWindow.h"

#include "app/gui/editor/CodeEditor.h"
#include "app/gui/editor/DocumentSession.h"
#include "app/gui/lessons/LessonProgress.h"
#include "app/gui/lessons/LessonsPane.h"
#include "app/gui/narration/NarrationPane.h"
#include "app/gui/panes/WarningsBanner.h"
#include "app/gui/player/Player.h"
#include "app/gui/run/PlayheadModel.h"
#include "app/gui/run/RunSession.h"
#include "app/gui/window/LanguageSwitcher.h"
#include "app/gui/window/PaneSet.h"
#include "app/gui/whatif/WhatIfController.h"
#include "lessons/loader/LessonLibrary.h"
#include "lessons/loader/LessonLoader.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>

namespace coroscope {

namespace {

const QString kLessonKeyPrefix = QStringLiteral("lesson:");
const QString kOpenLessonDirSetting = QStringLiteral("document/openLessonDirectory");
/// Errors listed in the message box of a malformed lesson.
constexpr int kMaxListedErrors = 8;

QString lessonKey(const QString& lessonId, const QString& file)
{
    return kLessonKeyPrefix + lessonId + QLatin1Char('/') + file;
}

bool finished(TaskState state)
{
    return state == TaskState::Done || state == TaskState::Failed || state == TaskState::Cancelled;
}

} // namespace

void MainWindow::installView(PaneId pane, QWidget* view)
{
    if (pane == PaneId::Code || !view)
        return;
    m_panes->setWidget(pane, view);
}

const lessons::Lesson* MainWindow::currentLesson() const
{
    return m_lessonId.isEmpty() ? nullptr : m_library->find(m_lessonId);
}

bool MainWindow::openLesson(const QString& lessonId, int program)
{
    const lessons::Lesson* lesson = m_library->find(lessonId);
    if (!lesson || program < 0 || program >= lesson->programs.size())
        return false;
    m_lessonId = lessonId;
    m_program = program;
    m_progress->markVisited(lessonId);
    m_lessonsPane->setCurrent(lessonId, program);
    m_narration->setLesson(lesson, program);
    m_whatIf->setProgram(lesson, program);
    const lessons::Program& p = lesson->programs[program];
    // Through the DocumentSession, so edits of a lesson's code are autosaved
    // under the lesson's own key and "Revert to original" brings it back.
    m_document->openDocument(lessonKey(lessonId, p.file), p.file, p.source);
    return true;
}

bool MainWindow::openFirstLesson()
{
    const QList<lessons::Lesson>& all = m_library->lessons();
    return !all.isEmpty() && openLesson(all.constFirst().id, 0);
}

bool MainWindow::openLessonPath(const QString& path, QString* error)
{
    QList<lessons::LessonError> errors;
    const std::optional<lessons::Lesson> lesson = lessons::LessonLoader::open(path, errors);
    if (!lesson) {
        QStringList lines;
        for (int i = 0; i < errors.size() && i < kMaxListedErrors; ++i)
            lines << errors[i].toString();
        if (errors.size() > kMaxListedErrors)
            lines << tr("\u2026 and %n more", nullptr, int(errors.size()) - kMaxListedErrors);
        if (error)
            *error = lines.isEmpty() ? tr("%1 is not a lesson").arg(path) : lines.join(QLatin1Char('\n'));
        return false;
    }
    if (const lessons::Lesson* existing = m_library->find(lesson->id)) {
        // The same folder opened again is the lesson already loaded.
        if (QFileInfo(existing->folder).canonicalFilePath() != QFileInfo(lesson->folder).canonicalFilePath()) {
            if (error)
                *error = tr("A lesson with the id \"%1\" is already open (%2).").arg(lesson->id, existing->displayFolder);
            return false;
        }
    } else if (!m_library->add(*lesson)) {
        if (error)
            *error = tr("The lesson \"%1\" cannot be added.").arg(lesson->id);
        return false;
    }
    m_lessonsPane->reload();
    return openLesson(lesson->id, 0);
}

bool MainWindow::openPath(const QString& path, QString* error)
{
    const QFileInfo info(path);
    if (info.isDir() || info.fileName() == QLatin1String("lesson.json"))
        return openLessonPath(path, error);
    return m_document->openFile(path, error);
}

void MainWindow::openLessonFolder()
{
    const QString start = m_env.settings->value(kOpenLessonDirSetting, QDir::homePath()).toString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Lesson Folder"), start);
    if (folder.isEmpty())
        return;
    m_env.settings->setValue(kOpenLessonDirSetting, QFileInfo(folder).absolutePath());
    QString error;
    if (!openLessonPath(folder, &error))
        QMessageBox::warning(this, tr("Cannot Open Lesson"), error);
}

QJsonObject MainWindow::currentWorld() const
{
    const lessons::Lesson* lesson = currentLesson();
    return lesson && m_program >= 0 && m_program < lesson->programs.size() ? lesson->programs[m_program].world
                                                                           : QJsonObject();
}

void MainWindow::onDocumentOpened(const QString& key)
{
    if (!key.startsWith(kLessonKeyPrefix)) {
        // A file or a scratch: no lesson is open any more.
        m_lessonId.clear();
        m_program = -1;
        m_lessonsPane->setCurrent(QString(), -1);
        m_narration->setLesson(nullptr, 0);
        m_whatIf->setProgram(nullptr, -1);
    }
    m_editor->clearSyntaxError();
    m_banner->setItems({});
    m_bannerWarnings = 0;
    m_run->runFresh(m_editor->code(), currentWorld());
}

void MainWindow::onRunFinished(const RunResult& result)
{
    if (result.outcome == RunOutcome::SyntaxError && result.syntaxLine > 0)
        m_editor->setSyntaxError(result.syntaxLine, result.syntaxColumn, result.syntaxMessage);
    else
        m_editor->clearSyntaxError();
    m_narration->runFinished();
    refreshBanner();
    refreshStatus();
    noteProgress();
}

void MainWindow::refreshBanner()
{
    const Trace* trace = m_playhead->trace();
    if (!trace) {
        m_banner->setItems({});
        m_bannerWarnings = 0;
        return;
    }
    const std::optional<RunResult>& result = m_run->lastResult();
    m_bannerWarnings = m_playhead->head().warningCount();
    m_banner->setItems(WarningsBanner::collect(m_playhead->head(), *trace, result ? &*result : nullptr));
}

void MainWindow::followPlayhead()
{
    m_playhead->seek(m_player->position());
    const StepIndex::LineMark mark = m_player->currentLine();
    m_editor->setExecutingLine(mark.task, mark.line);
    QList<CodeEditor::TaskLine> lines;
    const Model& model = m_playhead->model();
    for (TaskId id : model.taskIds()) {
        const TaskInfo* info = model.task(id);
        if (info && info->line > 0 && !finished(info->state))
            lines.append({id, int(info->line)});
    }
    m_editor->setTaskLines(lines);
    refreshStatus();
    noteProgress();
}

QString MainWindow::statusText() const
{
    if (!m_player->hasTrace())
        return tr("No run yet");
    const StepIndex& index = m_player->index();
    const std::size_t position = std::size_t(m_player->position());
    QString step;
    switch (m_player->granularity()) {
    case Granularity::Event:
        step = tr("Event %1 / %2").arg(position).arg(m_player->length());
        break;
    case Granularity::Line:
        step = tr("Line step %1 / %2 \u00B7 event %3 / %4")
                   .arg(index.stopsUpTo(Granularity::Line, position))
                   .arg(index.stopCount(Granularity::Line))
                   .arg(position)
                   .arg(m_player->length());
        break;
    case Granularity::Switch:
        step = tr("Switch %1 / %2 \u00B7 event %3 / %4")
                   .arg(index.stopsUpTo(Granularity::Switch, position))
                   .arg(index.stopCount(Granularity::Switch))
                   .arg(position)
                   .arg(m_player->length());
        break;
    }
    const std::optional<RunResult>& result = m_run->lastResult();
    QString state;
    if (!result)
        state = tr("recording\u2026");
    else {
        switch (result->outcome) {
        case RunOutcome::Ok: state = tr("finished: exit %1").arg(result->exitCode); break;
        case RunOutcome::Exception: state = tr("uncaught exception: exit %1").arg(result->exitCode); break;
        case RunOutcome::SyntaxError: state = tr("syntax error: nothing ran"); break;
        case RunOutcome::Limit: state = tr("stopped by the step limit: exit %1").arg(result->exitCode); break;
        case RunOutcome::Crashed: state = tr("Coroscope failed to run it"); break;
        }
    }
    return tr("%1 \u00B7 %2").arg(step, state);
}

void MainWindow::refreshStatus()
{
    m_statusLabel->setText(statusText());
}

void MainWindow::noteProgress()
{
    // A lesson program is done once the student has played its run to the end.
    if (m_lessonId.isEmpty() || !m_player->hasTrace() || !m_player->atEnd() || !m_player->isFinished())
        return;
    const std::optional<RunResult>& result = m_run->lastResult();
    if (!result || result->outcome == RunOutcome::SyntaxError || m_player->lastMoveCause() == Player::MoveCause::Load)
        return;
    m_progress->markProgramFinished(m_lessonId, m_program);
}

void MainWindow::applyLanguageToLessons()
{
    const lessons::Language language = m_languages->language().startsWith(QLatin1String("zh"))
                                           ? lessons::Language::Chinese
                                           : lessons::Language::English;
    m_lessonsPane->setLanguage(language);
    m_narration->setLanguage(language);
    m_whatIf->setLanguage(language);
    refreshBanner();
}

} // namespace coroscope
