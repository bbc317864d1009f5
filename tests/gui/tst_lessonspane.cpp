// LessonsPane and LessonProgress: the bundled lessons in chapter order with
// titles in the UI language, programs beneath their lesson, clicks that ask
// to open them, and progress marks that survive a restart.

#include "app/gui/lessons/LessonProgress.h"
#include "app/gui/lessons/LessonsPane.h"
#include "lessons/loader/LessonLibrary.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace coroscope;

namespace {

struct Fixture {
    explicit Fixture(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , progress(&settings)
    {
        library.loadBundled();
    }
    QSettings settings;
    lessons::LessonLibrary library;
    LessonProgress progress;
};

/// The first lesson with more than one program.
const lessons::Lesson* lessonWithPrograms(const lessons::LessonLibrary& library)
{
    for (const lessons::Lesson& lesson : library.lessons()) {
        if (lesson.programs.size() > 1)
            return &lesson;
    }
    return nullptr;
}

void click(QTreeWidget* tree, QTreeWidgetItem* item)
{
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

} // namespace

class tst_LessonsPane : public QObject {
    Q_OBJECT
private slots:
    void theBundledLessonsAreListedInChapterOrder()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        LessonsPane pane(&f.library, &f.progress);
        QTreeWidget* tree = pane.tree();
        QCOMPARE(tree->topLevelItemCount(), int(f.library.lessons().size()));
        QVERIFY(tree->topLevelItemCount() >= 20);
        QStringList chapters;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QString id = tree->topLevelItem(i)->data(0, LessonsPane::kLessonIdRole).toString();
            chapters << f.library.find(id)->chapter;
        }
        QCOMPARE(chapters.mid(0, 5).join(QLatin1Char(' ')), QStringLiteral("1 1.1 1.2 1.3 1.4"));
        for (int i = 1; i < chapters.size(); ++i)
            QVERIFY2(lessons::compareChapters(chapters[i - 1], chapters[i]) <= 0, qPrintable(chapters[i]));
        const lessons::Lesson& first = f.library.lessons().constFirst();
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("1  ") + first.title.en);
    }

    void titlesFollowTheUiLanguage()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        LessonsPane pane(&f.library, &f.progress);
        const lessons::Lesson& first = f.library.lessons().constFirst();
        pane.setLanguage(lessons::Language::Chinese);
        QCOMPARE(pane.tree()->topLevelItem(0)->text(0), QStringLiteral("1  ") + first.title.zh);
        pane.setLanguage(lessons::Language::English);
        QCOMPARE(pane.tree()->topLevelItem(0)->text(0), QStringLiteral("1  ") + first.title.en);
    }

    void aLessonWithSeveralProgramsListsThemAndOneWithOneDoesNot()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        LessonsPane pane(&f.library, &f.progress);
        const lessons::Lesson* several = lessonWithPrograms(f.library);
        QVERIFY(several);
        QTreeWidgetItem* item = pane.itemFor(several->id);
        QCOMPARE(item->childCount(), int(several->programs.size()));
        QCOMPARE(item->child(1)->text(0), several->programs[1].title.en);
        QCOMPARE(pane.itemFor(several->id, 1), item->child(1));
        const lessons::Lesson& first = f.library.lessons().constFirst();
        QCOMPARE(first.programs.size(), 1);
        QCOMPARE(pane.itemFor(first.id)->childCount(), 0);
        QCOMPARE(pane.itemFor(first.id, 0), pane.itemFor(first.id));
    }

    void clickingALessonOrOneOfItsProgramsAsksToOpenIt()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        LessonsPane pane(&f.library, &f.progress);
        pane.resize(400, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QSignalSpy activated(&pane, &LessonsPane::programActivated);
        const lessons::Lesson* several = lessonWithPrograms(f.library);
        click(pane.tree(), pane.itemFor(several->id));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated[0][0].toString(), several->id);
        QCOMPARE(activated[0][1].toInt(), 0);
        // The window opens it and tells the pane, which unfolds its programs.
        pane.setCurrent(several->id, 0);
        QVERIFY(pane.itemFor(several->id)->isExpanded());
        click(pane.tree(), pane.itemFor(several->id, 1));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated[1][1].toInt(), 1);
        // The program already open is not opened again.
        pane.setCurrent(several->id, 1);
        click(pane.tree(), pane.itemFor(several->id, 1));
        QCOMPARE(activated.size(), 2);
    }

    void settingTheCurrentProgramDoesNotAskToOpenIt()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        LessonsPane pane(&f.library, &f.progress);
        QSignalSpy activated(&pane, &LessonsPane::programActivated);
        const lessons::Lesson& first = f.library.lessons().constFirst();
        pane.setCurrent(first.id, 0);
        QCOMPARE(activated.size(), 0);
        QCOMPARE(pane.tree()->currentItem(), pane.itemFor(first.id));
        QCOMPARE(pane.currentLessonId(), first.id);
    }

    void progressMarksAreSavedAndShown()
    {
        QTemporaryDir dir;
        QString id; // the first fixture's library (and its lessons) dies with it
        {
            Fixture f(dir);
            const lessons::Lesson* several = lessonWithPrograms(f.library);
            LessonsPane pane(&f.library, &f.progress);
            id = several->id;
            QCOMPARE(int(f.progress.mark(id, int(several->programs.size()))), int(LessonProgress::Mark::New));
            QCOMPARE(pane.itemFor(id)->toolTip(0), QStringLiteral("Not started"));
            f.progress.markVisited(id);
            QVERIFY(pane.itemFor(id)->toolTip(0).startsWith(QStringLiteral("Visited")));
            for (int p = 0; p < several->programs.size(); ++p) {
                QCOMPARE(int(f.progress.mark(id, int(several->programs.size()))), int(LessonProgress::Mark::Visited));
                f.progress.markProgramFinished(id, p);
            }
            QCOMPARE(int(f.progress.mark(id, int(several->programs.size()))), int(LessonProgress::Mark::Completed));
            QCOMPARE(pane.itemFor(id)->toolTip(0), QStringLiteral("Completed"));
            f.settings.sync();
        }
        Fixture again(dir);
        const lessons::Lesson* reloaded = again.library.find(id);
        QVERIFY(reloaded);
        QCOMPARE(int(again.progress.mark(reloaded->id, int(reloaded->programs.size()))),
                 int(LessonProgress::Mark::Completed));
        QCOMPARE(int(again.progress.mark(again.library.lessons().constFirst().id, 1)), int(LessonProgress::Mark::New));
    }

    void checkpointScoresAreSavedPerLessonAndShown()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        const lessons::Lesson& first = f.library.lessons().constFirst();
        QVERIFY(!first.checkpoints.isEmpty());
        LessonsPane pane(&f.library, &f.progress);
        pane.setCurrent(first.id, 0);
        QVERIFY(!f.progress.answer(first.id, 0).has_value());
        f.progress.recordAnswer(first.id, 0, false);
        QCOMPARE(f.progress.answer(first.id, 0), std::optional<bool>(false));
        QCOMPARE(f.progress.correctAnswers(first.id, int(first.checkpoints.size())), 0);
        f.progress.recordAnswer(first.id, 0, true);
        QCOMPARE(f.progress.correctAnswers(first.id, int(first.checkpoints.size())), 1);
        QCOMPARE(f.progress.answered(first.id, int(first.checkpoints.size())), 1);
        const auto* details = pane.findChild<QLabel*>(QStringLiteral("lessonDetails"));
        QVERIFY(details->text().contains(QStringLiteral("Checkpoints: 1 of %1 answered right").arg(first.checkpoints.size())));
        f.progress.reset(first.id);
        QVERIFY(!f.progress.answer(first.id, 0).has_value());
        QVERIFY(!f.progress.isVisited(first.id));
    }
};

QTEST_MAIN(tst_LessonsPane)
#include "tst_lessonspane.moc"
