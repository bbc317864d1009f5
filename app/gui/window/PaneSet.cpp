#include "app/gui/window/PaneSet.h"

#include "app/gui/panes/EmptyStatePane.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace coroscope {

namespace {

struct EmptyText {
    const char* title;
    const char* hint;
};

EmptyText emptyText(PaneId pane)
{
    switch (pane) {
    case PaneId::Lessons:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "No lessons yet"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Open a Python file with File \u25B8 Open (Ctrl+O) to step through it.")};
    case PaneId::LoopView:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Loop view"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Run a program to see its tasks here: the running slot, the ready "
                                  "queue and everything that waits.")};
    case PaneId::Greenlets:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Greenlets"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Run a program with greenlets to see each one's own stack of frames.")};
    case PaneId::Generators:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Generators"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Run a program with generators or coroutines to see them frozen at "
                                  "their yield or await.")};
    case PaneId::Timeline:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Timeline"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Run a program to see one lane per task over virtual time.")};
    case PaneId::Inspector:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Inspector"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Select a task to see its state, frames, locals and what it waits on.")};
    case PaneId::Narration:
        return {QT_TRANSLATE_NOOP("coroscope::EmptyStatePane", "Narration"),
                QT_TRANSLATE_NOOP("coroscope::EmptyStatePane",
                                  "Step through a run to read what happens at each step and why.")};
    case PaneId::Code:
    case PaneId::Console:
        break;
    }
    return {"", ""};
}

} // namespace

PaneSet::PaneSet(QMainWindow* window, QWidget* code)
    : QObject(window)
    , m_window(window)
    , m_code(code)
{
    window->setDockNestingEnabled(true);
    window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks
                           | QMainWindow::AllowTabbedDocks);
    window->setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    code->setObjectName(objectName(PaneId::Code));
    window->setCentralWidget(code);
    window->installEventFilter(this);

    m_codeToggle = new QAction(this);
    m_codeToggle->setCheckable(true);
    m_codeToggle->setChecked(true);
    connect(m_codeToggle, &QAction::toggled, this, [this](bool on) { m_code->setVisible(on); });

    for (PaneId pane : kAllPanes) {
        if (pane == PaneId::Code)
            continue;
        auto* dock = new QDockWidget(window);
        dock->setObjectName(objectName(pane));
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        if (pane != PaneId::Console) {
            const EmptyText text = emptyText(pane);
            dock->setWidget(new EmptyStatePane(text.title, text.hint, dock));
        }
        m_docks[pane] = dock;
    }
    retranslate();
    applyDefaultLayout();
}

QDockWidget* PaneSet::dock(PaneId pane) const
{
    const auto it = m_docks.find(pane);
    return it == m_docks.end() ? nullptr : it->second;
}

QWidget* PaneSet::widget(PaneId pane) const
{
    if (pane == PaneId::Code)
        return m_code;
    return dock(pane)->widget();
}

void PaneSet::setWidget(PaneId pane, QWidget* widget)
{
    QDockWidget* d = dock(pane);
    if (!d)
        return;
    QWidget* old = d->widget();
    d->setWidget(widget);
    if (old && old != widget)
        old->deleteLater();
}

bool PaneSet::isShown(PaneId pane) const
{
    if (pane == PaneId::Code)
        return !m_code->isHidden();
    return !dock(pane)->isHidden();
}

void PaneSet::setShown(PaneId pane, bool shown)
{
    if (pane == PaneId::Code) {
        m_codeToggle->setChecked(shown);
        m_code->setVisible(shown);
        return;
    }
    dock(pane)->setVisible(shown);
}

QAction* PaneSet::toggleAction(PaneId pane) const
{
    return pane == PaneId::Code ? m_codeToggle : dock(pane)->toggleViewAction();
}

void PaneSet::applyDefaultLayout()
{
    auto place = [&](PaneId pane, Qt::DockWidgetArea area) {
        QDockWidget* d = dock(pane);
        d->setFloating(false);
        m_window->removeDockWidget(d);
        m_window->addDockWidget(area, d);
        d->show();
    };
    place(PaneId::Lessons, Qt::LeftDockWidgetArea);
    place(PaneId::LoopView, Qt::RightDockWidgetArea);
    place(PaneId::Timeline, Qt::BottomDockWidgetArea);
    m_window->splitDockWidget(dock(PaneId::Lessons), dock(PaneId::Narration), Qt::Vertical);
    dock(PaneId::Narration)->show();
    m_window->splitDockWidget(dock(PaneId::LoopView), dock(PaneId::Inspector), Qt::Vertical);
    dock(PaneId::Inspector)->show();
    // Greenlets and Generators share the loop view's place as tabs: one
    // program rarely needs more than one of the three.
    for (PaneId tab : {PaneId::Greenlets, PaneId::Generators}) {
        QDockWidget* d = dock(tab);
        d->setFloating(false);
        m_window->removeDockWidget(d);
        m_window->tabifyDockWidget(dock(PaneId::LoopView), d);
        d->show();
    }
    dock(PaneId::LoopView)->raise();
    m_window->splitDockWidget(dock(PaneId::Timeline), dock(PaneId::Console), Qt::Horizontal);
    dock(PaneId::Console)->show();
    setShown(PaneId::Code, true);
    // Dock sizes only take once the window has its real size: before the
    // first show they wait for it.
    m_sizesPending = true;
    if (m_window->isVisible())
        applyDefaultSizes();
}

void PaneSet::applyDefaultSizes()
{
    m_sizesPending = false;
    // Proportions for a 1366 x 768 laptop up to a 4K projector: lessons and
    // narration on the left wide enough to read, code and the loop view
    // sharing the rest; the bottom row takes about a third.
    const int w = m_window->width();
    const int h = m_window->height();
    m_window->resizeDocks({dock(PaneId::Lessons), dock(PaneId::LoopView)}, {w * 20 / 100, w * 34 / 100},
                          Qt::Horizontal);
    m_window->resizeDocks({dock(PaneId::Lessons), dock(PaneId::Narration)}, {h * 45 / 100, h * 55 / 100},
                          Qt::Vertical);
    m_window->resizeDocks({dock(PaneId::LoopView), dock(PaneId::Inspector)}, {h * 62 / 100, h * 38 / 100},
                          Qt::Vertical);
    m_window->resizeDocks({dock(PaneId::Timeline)}, {h * 30 / 100}, Qt::Vertical);
    m_window->resizeDocks({dock(PaneId::Timeline), dock(PaneId::Console)}, {w * 60 / 100, w * 40 / 100},
                          Qt::Horizontal);
}

bool PaneSet::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Show && m_sizesPending) {
        // After the show the layout has run once; size the docks then.
        QTimer::singleShot(0, this, [this] {
            if (m_sizesPending)
                applyDefaultSizes();
        });
    }
    return QObject::eventFilter(watched, event);
}

QByteArray PaneSet::saveLayout() const
{
    return m_window->saveState(kLayoutVersion);
}

bool PaneSet::restoreLayout(const QByteArray& state)
{
    if (state.isEmpty() || !m_window->restoreState(state, kLayoutVersion))
        return false;
    m_sizesPending = false;
    m_codeToggle->setChecked(!m_code->isHidden());
    return true;
}

QString PaneSet::title(PaneId pane)
{
    switch (pane) {
    case PaneId::Code: return QCoreApplication::translate("coroscope::PaneSet", "Code");
    case PaneId::Lessons: return QCoreApplication::translate("coroscope::PaneSet", "Lessons");
    case PaneId::LoopView: return QCoreApplication::translate("coroscope::PaneSet", "Loop view");
    case PaneId::Greenlets: return QCoreApplication::translate("coroscope::PaneSet", "Greenlets");
    case PaneId::Generators: return QCoreApplication::translate("coroscope::PaneSet", "Generators");
    case PaneId::Timeline: return QCoreApplication::translate("coroscope::PaneSet", "Timeline");
    case PaneId::Console: return QCoreApplication::translate("coroscope::PaneSet", "Console");
    case PaneId::Inspector: return QCoreApplication::translate("coroscope::PaneSet", "Inspector");
    case PaneId::Narration: return QCoreApplication::translate("coroscope::PaneSet", "Narration");
    }
    return {};
}

QString PaneSet::objectName(PaneId pane)
{
    switch (pane) {
    case PaneId::Code: return QStringLiteral("codePane");
    case PaneId::Lessons: return QStringLiteral("lessonsDock");
    case PaneId::LoopView: return QStringLiteral("loopViewDock");
    case PaneId::Greenlets: return QStringLiteral("greenletsDock");
    case PaneId::Generators: return QStringLiteral("generatorsDock");
    case PaneId::Timeline: return QStringLiteral("timelineDock");
    case PaneId::Console: return QStringLiteral("consoleDock");
    case PaneId::Inspector: return QStringLiteral("inspectorDock");
    case PaneId::Narration: return QStringLiteral("narrationDock");
    }
    return {};
}

void PaneSet::retranslate()
{
    m_codeToggle->setText(title(PaneId::Code));
    for (auto& [pane, dock] : m_docks) {
        dock->setWindowTitle(title(pane));
        dock->toggleViewAction()->setToolTip(
            QCoreApplication::translate("coroscope::PaneSet", "Show or hide the %1 pane").arg(title(pane)));
    }
    m_codeToggle->setToolTip(
        QCoreApplication::translate("coroscope::PaneSet", "Show or hide the %1 pane").arg(title(PaneId::Code)));
}

} // namespace coroscope
