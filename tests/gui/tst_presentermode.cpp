// PresenterMode: full screen, type scale, high contrast and the picked
// panes on entry, everything back on exit; the clicker's keys; pen,
// spotlight and the audience window.

#include "app/gui/editor/CodeEditor.h"
#include "app/gui/player/Player.h"
#include "app/gui/presenter/AnnotationOverlay.h"
#include "app/gui/presenter/AudienceWindow.h"
#include "app/gui/presenter/PresenterMode.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/window/MainWindow.h"
#include "app/gui/window/PaneSet.h"
#include "trace/TraceBuilder.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <cstdlib>

using namespace coroscope;
using coroscope::testing::TraceBuilder;

namespace {

struct Fixture {
    explicit Fixture(const QTemporaryDir& dir)
        : settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        , window(AppEnvironment{&settings, dir.path()})
    {
        TraceBuilder b;
        for (int i = 1; i <= 10; ++i)
            b.line(1, i);
        b.end();
        window.player()->setTrace(b.trace());
    }
    bool showActive()
    {
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }
    PresenterMode& presenter() { return *window.presenter(); }
    void key(Qt::Key k) { QTest::keyClick(&window, k); }

    QSettings settings;
    MainWindow window;
};

/// The shown panes, in PaneId order, by object name.
QString shownPanes(const MainWindow& w)
{
    QStringList out;
    for (PaneId pane : kAllPanes) {
        if (w.panes()->isShown(pane))
            out << PaneSet::objectName(pane);
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_PresenterMode : public QObject {
    Q_OBJECT
private slots:
    void f5GoesFullScreenWithLargeTypeAndHighContrast()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        const double pointSize = f.window.font().pointSizeF();
        const double editorSize = f.window.editor()->font().pointSizeF();
        f.key(Qt::Key_F5);
        QVERIFY(f.presenter().isActive());
        QTRY_VERIFY(f.window.isFullScreen());
        QCOMPARE(f.window.themeManager()->theme(), ThemeKind::HighContrast);
        QCOMPARE(f.window.themeManager()->fontScale(), PresenterMode::kDefaultScale);
        QCOMPARE(f.window.font().pointSizeF(), pointSize * 2.0);
        QCOMPARE(f.window.editor()->font().pointSizeF(), editorSize * 2.0);
        QVERIFY(f.window.editor()->font().families().contains(QStringLiteral("Noto Sans Mono CJK SC")));
        QVERIFY(f.window.menuBar()->isHidden());
        QVERIFY(f.presenter().toolBar()->isVisible());
    }

    void escapeLeavesAndPutsEverythingBack()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.window.findChild<QAction*>(QStringLiteral("actionTheme_dark"))->trigger();
        const double pointSize = f.window.editor()->font().pointSizeF();
        const QString panesBefore = shownPanes(f.window);
        const QByteArray layoutBefore = f.window.panes()->saveLayout();
        f.key(Qt::Key_F5);
        QVERIFY(shownPanes(f.window) != panesBefore);
        f.key(Qt::Key_Escape);
        QVERIFY(!f.presenter().isActive());
        QTRY_VERIFY(!f.window.isFullScreen());
        QCOMPARE(f.window.themeManager()->theme(), ThemeKind::Dark);
        QCOMPARE(f.window.editor()->font().pointSizeF(), pointSize);
        QCOMPARE(shownPanes(f.window), panesBefore);
        QCOMPARE(f.window.panes()->saveLayout(), layoutBefore);
        QVERIFY(!f.window.menuBar()->isHidden());
        QVERIFY(!f.window.editor()->isReadOnly());
        f.window.findChild<QAction*>(QStringLiteral("actionTheme_light"))->trigger();
    }

    void onlyThePickedPanesShowWhilePresenting()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        QCOMPARE(shownPanes(f.window), QStringLiteral("codePane lessonsDock loopViewDock greenletsDock generatorsDock "
                                                      "timelineDock consoleDock inspectorDock narrationDock"));
        f.presenter().enter();
        QCOMPARE(shownPanes(f.window), QStringLiteral("codePane loopViewDock greenletsDock generatorsDock timelineDock "
                                                      "consoleDock narrationDock"));
        f.presenter().setPaneChosen(PaneId::Console, false);
        f.presenter().setPaneChosen(PaneId::Inspector, true);
        f.presenter().setPaneChosen(PaneId::Greenlets, false);
        QCOMPARE(shownPanes(f.window), QStringLiteral("codePane loopViewDock generatorsDock timelineDock inspectorDock "
                                                      "narrationDock"));
        f.presenter().leave();
        f.presenter().enter(); // the picks are remembered
        QCOMPARE(shownPanes(f.window), QStringLiteral("codePane loopViewDock generatorsDock timelineDock inspectorDock "
                                                      "narrationDock"));
        f.presenter().leave();
        QCOMPARE(f.settings.value(QStringLiteral("presenter/panes")).toStringList().size(), 6);
    }

    void theFirstPresentationGivesThePickedViewHalfTheScreen()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        for (PaneId pane : kAllPanes)
            f.presenter().setPaneChosen(pane, pane == PaneId::Code || pane == PaneId::LoopView);
        QVERIFY(f.showActive());
        f.presenter().enter();
        QTRY_VERIFY(f.window.isFullScreen());
        const QWidget* loop = f.window.panes()->dock(PaneId::LoopView);
        QTRY_VERIFY2(std::abs(loop->width() - f.window.width() / 2) < f.window.width() / 10,
                     qPrintable(QStringLiteral("%1 of %2").arg(loop->width()).arg(f.window.width())));
    }

    void theTypeScaleStaysBetween150And250Percent()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        f.presenter().setScale(1.0);
        QCOMPARE(f.presenter().scale(), 1.5);
        f.presenter().setScale(4.0);
        QCOMPARE(f.presenter().scale(), 2.5);
        f.presenter().enter();
        QCOMPARE(f.window.themeManager()->fontScale(), 2.5);
        f.presenter().setScale(1.75); // applies at once while presenting
        QCOMPARE(f.window.themeManager()->fontScale(), 1.75);
        f.presenter().leave();
        QCOMPARE(f.window.themeManager()->fontScale(), 1.0);
    }

    void pageDownAndPageUpStepWhilePresenting()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.window.setFocus();
        f.key(Qt::Key_PageDown); // not a playback key outside presenter mode
        QCOMPARE(f.window.player()->position(), 0);
        f.presenter().enter();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        QStringList log;
        for (Qt::Key k : {Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_PageUp, Qt::Key_Right,
                          Qt::Key_Left, Qt::Key_Space}) {
            f.key(k);
            log << QString::number(f.window.player()->position());
        }
        QCOMPARE(log.join(QLatin1Char(' ')), QStringLiteral("1 2 3 2 3 2 3"));
        QVERIFY(f.window.player()->isPlaying());
        f.window.player()->pause();
    }

    void keysDriveTheRunEvenAfterClickingIntoTheCode()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        f.window.editor()->setFocus();
        QTest::keyClick(f.window.editor(), Qt::Key_Right);
        QCOMPARE(f.window.player()->position(), 1);
        QVERIFY(f.window.editor()->isReadOnly());
    }

    void bBlanksTheScreenAndBAgainBringsItBack()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.window.setFocus();
        f.key(Qt::Key_B); // outside presenter mode B is just a letter
        QVERIFY(!f.presenter().isBlanked());
        f.presenter().enter();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        f.key(Qt::Key_B);
        QVERIFY(f.presenter().isBlanked());
        auto* blank = f.window.findChild<QWidget*>(QStringLiteral("blankScreen"));
        QVERIFY(blank->isVisible());
        QCOMPARE(blank->geometry(), f.window.rect());
        const QImage shot = f.window.grab().toImage();
        QCOMPARE(QColor(shot.pixel(shot.width() / 2, shot.height() / 2)), QColor(Qt::black));
        f.key(Qt::Key_B);
        QVERIFY(!f.presenter().isBlanked());
        QVERIFY(!blank->isVisible());
        f.key(Qt::Key_Period); // the clicker's blank button
        QVERIFY(f.presenter().isBlanked());
        f.key(Qt::Key_Escape);
        QVERIFY(!f.presenter().isBlanked());
        QVERIFY(!f.presenter().isActive());
    }

    void thePenDrawsAStrokeAndCClearsIt()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        AnnotationOverlay* overlay = f.presenter().overlay();
        f.key(Qt::Key_P);
        QCOMPARE(overlay->tool(), AnnotationOverlay::Tool::Pen);
        QVERIFY(overlay->isVisible());
        QVERIFY(!overlay->testAttribute(Qt::WA_TransparentForMouseEvents));
        QTest::mousePress(overlay, Qt::LeftButton, {}, QPoint(100, 100));
        QTest::mouseMove(overlay, QPoint(150, 120));
        QTest::mouseMove(overlay, QPoint(200, 160));
        QTest::mouseRelease(overlay, Qt::LeftButton, {}, QPoint(220, 170));
        QCOMPARE(overlay->strokes().size(), 1);
        QVERIFY(overlay->strokes().first().size() >= 3);
        f.key(Qt::Key_C);
        QVERIFY(overlay->isEmpty());
        f.key(Qt::Key_P);
        QCOMPARE(overlay->tool(), AnnotationOverlay::Tool::None);
        QVERIFY(overlay->testAttribute(Qt::WA_TransparentForMouseEvents));
    }

    void theSpotlightDarkensAllButACircleAroundItsCentre()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        AnnotationOverlay* overlay = f.presenter().overlay();
        f.key(Qt::Key_L);
        QCOMPARE(overlay->tool(), AnnotationOverlay::Tool::Spotlight);
        // Clicks pass through the spotlight to the controls below it.
        QVERIFY(overlay->testAttribute(Qt::WA_TransparentForMouseEvents));
        const QPointF centre(300, 300);
        overlay->setSpotlightCenter(centre);
        QImage img(overlay->size(), QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        overlay->paintAnnotations(p, QRectF(img.rect()), QRectF(overlay->rect()));
        p.end();
        QCOMPARE(QColor(img.pixel(300, 300)), QColor(Qt::white));
        const int outside = int(centre.x() + overlay->spotlightRadius() + 20);
        QVERIFY(QColor(img.pixel(outside, 300)).lightness() < 128);
        // The pen takes over from the spotlight: one tool at a time.
        f.key(Qt::Key_P);
        QCOMPARE(overlay->tool(), AnnotationOverlay::Tool::Pen);
        QVERIFY(!f.presenter().spotlightAction()->isChecked());
    }

    void theAudienceWindowMirrorsTheVisualisationButNotTheNotes()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        QTRY_VERIFY(f.window.isFullScreen());
        f.presenter().audienceAction()->trigger();
        AudienceWindow* audience = f.presenter().audienceWindow();
        QVERIFY(audience);
        QVERIFY(QTest::qWaitForWindowExposed(audience));
        QVERIFY(audience->isWindow());
        audience->invalidate();
        audience->refresh();
        QVERIFY(!audience->frame().isNull());
        const QList<QWidget*> mirrored = f.presenter().mirroredWidgets();
        QVERIFY(mirrored.contains(f.window.panes()->widget(PaneId::Code)));
        QVERIFY(mirrored.contains(f.window.panes()->dock(PaneId::LoopView)));
        // Greenlets and Generators are tabs behind the loop view: not on screen.
        QVERIFY(!mirrored.contains(f.window.panes()->dock(PaneId::Greenlets)));
        QVERIFY(!mirrored.contains(f.window.panes()->dock(PaneId::Narration)));
        // The narration (the notes) sits left of everything mirrored.
        const QWidget* notes = f.window.panes()->dock(PaneId::Narration);
        const int notesRight = notes->mapTo(&f.window, QPoint(notes->width(), 0)).x();
        const qreal dpr = audience->frame().devicePixelRatio();
        QVERIFY(audience->frame().width() / dpr <= f.window.width() - notesRight + 1);

        // Nothing moved: no new frame is composed.
        const int frames = audience->framesComposed();
        audience->refresh();
        QCOMPARE(audience->framesComposed(), frames);

        f.presenter().setBlanked(true);
        QVERIFY(audience->isBlanked());
        f.presenter().audienceAction()->trigger();
        QVERIFY(!f.presenter().audienceWindow());
    }

    void aStepRepaintsTheMirror()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        f.presenter().setAudienceWindowShown(true);
        AudienceWindow* audience = f.presenter().audienceWindow();
        QVERIFY(QTest::qWaitForWindowExposed(audience));
        QTRY_VERIFY(audience->framesComposed() > 0);
        QTest::qWait(100);
        const int frames = audience->framesComposed();
        f.window.player()->stepForward(); // the editor marks the new line and repaints
        QTRY_VERIFY(audience->framesComposed() > frames);
    }

    void closingTheAudienceWindowItselfUnticksItsAction()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        f.presenter().audienceAction()->trigger();
        QVERIFY(f.presenter().audienceAction()->isChecked());
        QPointer<AudienceWindow> audience = f.presenter().audienceWindow();
        QVERIFY(QTest::qWaitForWindowExposed(audience));
        audience->close();
        QVERIFY(!f.presenter().audienceAction()->isChecked());
        QVERIFY(!f.presenter().audienceWindow());
        QTRY_VERIFY(audience.isNull());
    }

    void leavingClosesTheAudienceWindowAndClearsTheDrawings()
    {
        QTemporaryDir dir;
        Fixture f(dir);
        QVERIFY(f.showActive());
        f.presenter().enter();
        f.presenter().setAudienceWindowShown(true);
        f.presenter().penAction()->trigger();
        AnnotationOverlay* overlay = f.presenter().overlay();
        QTest::mousePress(overlay, Qt::LeftButton, {}, QPoint(10, 10));
        QTest::mouseRelease(overlay, Qt::LeftButton, {}, QPoint(40, 40));
        QVERIFY(!overlay->isEmpty());
        f.presenter().leave();
        QVERIFY(!f.presenter().audienceWindow());
        QVERIFY(overlay->isEmpty());
        QCOMPARE(overlay->tool(), AnnotationOverlay::Tool::None);
        QVERIFY(!f.presenter().penAction()->isEnabled());
    }
};

QTEST_MAIN(tst_PresenterMode)
#include "tst_presentermode.moc"
