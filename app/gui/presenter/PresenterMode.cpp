#include "app/gui/presenter/PresenterMode.h"

#include "app/gui/editor/CodeEditor.h"
#include "app/gui/presenter/AnnotationOverlay.h"
#include "app/gui/presenter/AudienceWindow.h"
#include "app/gui/theme/PaintedIcon.h"
#include "app/gui/theme/ThemeManager.h"
#include "app/gui/window/PaneSet.h"
#include "app/gui/window/PlaybackActions.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QResizeEvent>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace coroscope {

namespace {
const QString kScaleSetting = QStringLiteral("presenter/scale");
const QString kPanesSetting = QStringLiteral("presenter/panes");
const QString kStateSetting = QStringLiteral("presenter/state");
constexpr int kScaleSteps[] = {150, 175, 200, 225, 250};
} // namespace

PresenterMode::PresenterMode(QMainWindow* window, PaneSet* panes, ThemeManager* theme, PlaybackActions* playback,
                             CodeEditor* editor, QSettings* settings)
    : QObject(window)
    , m_window(window)
    , m_panes(panes)
    , m_theme(theme)
    , m_playback(playback)
    , m_editor(editor)
    , m_settings(settings)
{
    m_scale = std::clamp(settings->value(kScaleSetting, kDefaultScale).toDouble(), kMinScale, kMaxScale);
    const QStringList saved = settings->value(kPanesSetting).toStringList();
    for (PaneId pane : kAllPanes) {
        const bool byDefault = pane == PaneId::Code || pane == PaneId::LoopView || pane == PaneId::Greenlets
                               || pane == PaneId::Generators || pane == PaneId::Timeline
                               || pane == PaneId::Console || pane == PaneId::Narration;
        if (saved.isEmpty() ? byDefault : saved.contains(PaneSet::objectName(pane)))
            m_chosen.insert(pane);
    }

    m_overlay = new AnnotationOverlay(window);

    // The blank screen is a black sheet over everything, for when the hall
    // should look at the instructor rather than the screen.
    m_blankScreen = new QWidget(window);
    m_blankScreen->setObjectName(QStringLiteral("blankScreen"));
    m_blankScreen->setAutoFillBackground(true);
    QPalette black;
    black.setColor(QPalette::Window, Qt::black);
    m_blankScreen->setPalette(black);
    m_blankScreen->hide();
    window->installEventFilter(this);

    m_toggle = makeAction("actionPresenterMode", false);
    m_toggle->setCheckable(true);
    m_toggle->setIcon(paintedIcon(IconGlyph::Presenter));
    m_toggle->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_toggle, &QAction::triggered, this, &PresenterMode::toggle);

    m_leave = makeAction("actionLeavePresenter", true);
    m_leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_leave, &QAction::triggered, this, &PresenterMode::leave);

    m_blank = makeAction("actionBlankScreen", true);
    m_blank->setCheckable(true);
    m_blank->setIcon(paintedIcon(IconGlyph::Blank));
    // Clickers send B or "." for their blank-screen button.
    m_blank->setShortcuts({QKeySequence(Qt::Key_B), QKeySequence(Qt::Key_Period)});
    connect(m_blank, &QAction::triggered, this, &PresenterMode::setBlanked);

    m_pen = makeAction("actionPen", true);
    m_pen->setCheckable(true);
    m_pen->setIcon(paintedIcon(IconGlyph::Pen));
    m_pen->setShortcut(QKeySequence(Qt::Key_P));
    m_spotlight = makeAction("actionSpotlight", true);
    m_spotlight->setCheckable(true);
    m_spotlight->setIcon(paintedIcon(IconGlyph::Spotlight));
    m_spotlight->setShortcut(QKeySequence(Qt::Key_L));
    // At most one tool at a time, and none is allowed.
    connect(m_pen, &QAction::toggled, this, [this](bool on) {
        if (on)
            m_spotlight->setChecked(false);
        m_overlay->setTool(on ? AnnotationOverlay::Tool::Pen
                              : m_spotlight->isChecked() ? AnnotationOverlay::Tool::Spotlight
                                                         : AnnotationOverlay::Tool::None);
    });
    connect(m_spotlight, &QAction::toggled, this, [this](bool on) {
        if (on)
            m_pen->setChecked(false);
        m_overlay->setTool(on ? AnnotationOverlay::Tool::Spotlight
                              : m_pen->isChecked() ? AnnotationOverlay::Tool::Pen : AnnotationOverlay::Tool::None);
    });

    m_clear = makeAction("actionClearAnnotations", true);
    m_clear->setIcon(paintedIcon(IconGlyph::Clear));
    m_clear->setShortcut(QKeySequence(Qt::Key_C));
    connect(m_clear, &QAction::triggered, m_overlay, &AnnotationOverlay::clear);

    m_audienceToggle = makeAction("actionAudienceWindow", false);
    m_audienceToggle->setCheckable(true);
    m_audienceToggle->setIcon(paintedIcon(IconGlyph::Audience));
    connect(m_audienceToggle, &QAction::toggled, this, &PresenterMode::setAudienceWindowShown);

    m_panesMenu = new QMenu(window);
    for (PaneId pane : kAllPanes) {
        auto* a = m_panesMenu->addAction(QString());
        a->setObjectName(QStringLiteral("actionPresenterPane_") + PaneSet::objectName(pane));
        a->setCheckable(true);
        a->setChecked(isPaneChosen(pane));
        connect(a, &QAction::toggled, this, [this, pane](bool on) { setPaneChosen(pane, on); });
        m_paneActions.append(a);
    }
    m_scaleMenu = new QMenu(window);
    m_scaleGroup = new QActionGroup(this);
    for (int percent : kScaleSteps) {
        auto* a = m_scaleMenu->addAction(QStringLiteral("%1 %").arg(percent));
        a->setCheckable(true);
        a->setData(percent / 100.0);
        a->setChecked(qFuzzyCompare(m_scale, percent / 100.0));
        m_scaleGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, percent] { setScale(percent / 100.0); });
    }

    m_toolBar = new QToolBar(window);
    m_toolBar->setObjectName(QStringLiteral("presenterToolBar"));
    m_toolBar->addActions({m_pen, m_spotlight, m_clear, m_blank, m_audienceToggle});
    window->addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_toolBar->hide();

    setPresenterActionsEnabled(false);
    retranslate();
}

PresenterMode::~PresenterMode()
{
    delete m_audience;
}

AudienceWindow* PresenterMode::audienceWindow() const
{
    return m_audience;
}

QAction* PresenterMode::makeAction(const char* objectName, bool presenterOnly)
{
    auto* a = new QAction(m_window);
    a->setObjectName(QLatin1String(objectName));
    a->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(a);
    if (presenterOnly)
        m_presenterOnly.append(a);
    return a;
}

void PresenterMode::setPresenterActionsEnabled(bool on)
{
    // Single-letter keys mean something only while presenting; in the normal
    // window they would fire while the user types into another pane.
    for (QAction* a : m_presenterOnly)
        a->setEnabled(on);
}

QList<PaneId> PresenterMode::chosenPanes() const
{
    return QList<PaneId>(m_chosen.begin(), m_chosen.end());
}

void PresenterMode::setPaneChosen(PaneId pane, bool chosen)
{
    if (chosen == isPaneChosen(pane))
        return;
    if (chosen)
        m_chosen.insert(pane);
    else
        m_chosen.erase(pane);
    const int index = int(std::find(kAllPanes.begin(), kAllPanes.end(), pane) - kAllPanes.begin());
    m_paneActions[index]->setChecked(chosen);
    saveSettings();
    if (m_active)
        applyChosenPanes();
}

void PresenterMode::setScale(double scale)
{
    m_scale = std::clamp(scale, kMinScale, kMaxScale);
    for (QAction* a : m_scaleGroup->actions())
        a->setChecked(qFuzzyCompare(a->data().toDouble(), m_scale));
    saveSettings();
    if (m_active) {
        m_theme->setFontScale(m_scale);
        for (const auto& [bar, size] : std::as_const(m_saved.iconSizes)) {
            if (bar)
                bar->setIconSize(size * m_scale);
        }
    }
}

void PresenterMode::saveSettings() const
{
    QStringList names;
    for (PaneId pane : m_chosen)
        names << PaneSet::objectName(pane);
    m_settings->setValue(kPanesSetting, names);
    m_settings->setValue(kScaleSetting, m_scale);
}

void PresenterMode::applyChosenPanes()
{
    for (PaneId pane : kAllPanes)
        m_panes->setShown(pane, isPaneChosen(pane));
}

void PresenterMode::fitViews()
{
    QDockWidget* side = nullptr;
    QDockWidget* below = nullptr;
    for (PaneId pane : {PaneId::LoopView, PaneId::Greenlets, PaneId::Generators, PaneId::Timeline, PaneId::Inspector}) {
        QDockWidget* d = m_panes->dock(pane);
        if (!d || !m_panes->isShown(pane) || d->isFloating())
            continue;
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(d);
        QDockWidget*& slot = area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea ? side : below;
        if (!slot)
            slot = d;
    }
    if (side)
        m_window->resizeDocks({side}, {m_window->width() / 2}, Qt::Horizontal);
    if (below)
        m_window->resizeDocks({below}, {m_window->height() * 45 / 100}, Qt::Vertical);
}

QList<QWidget*> PresenterMode::mirroredWidgets() const
{
    QList<QWidget*> out;
    for (PaneId pane : kAllPanes) {
        if (pane == PaneId::Lessons || pane == PaneId::Narration || !m_panes->isShown(pane))
            continue;
        if (QDockWidget* d = m_panes->dock(pane)) {
            // A tab behind another dock is "shown" but parked outside the window.
            const QRect placed(d->mapTo(m_window, QPoint(0, 0)), d->size());
            if (!d->isFloating() && !m_window->tabifiedDockWidgets(d).isEmpty()
                && !placed.intersects(m_window->rect()))
                continue;
            out.append(d);
        } else
            out.append(m_panes->widget(pane));
    }
    return out;
}

void PresenterMode::enter()
{
    if (m_active)
        return;
    m_saved.state = m_panes->saveLayout();
    m_saved.geometry = m_window->normalGeometry();
    m_saved.windowState = m_window->windowState();
    m_saved.theme = m_theme->theme();
    m_saved.fontScale = m_theme->fontScale();
    m_saved.menuBarShown = !m_window->menuBar()->isHidden();
    m_saved.editorReadOnly = m_editor->isReadOnly();
    m_active = true;

    const QByteArray presented = m_settings->value(kStateSetting).toByteArray();
    m_panes->restoreLayout(presented);
    m_fitViewsPending = presented.isEmpty();
    m_theme->setTheme(ThemeKind::HighContrast);
    m_theme->setFontScale(m_scale);
    m_saved.iconSizes.clear();
    for (QToolBar* bar : m_window->findChildren<QToolBar*>()) {
        m_saved.iconSizes.append({bar, bar->iconSize()});
        bar->setIconSize(bar->iconSize() * m_scale);
    }
    applyChosenPanes();
    m_window->menuBar()->hide();
    m_toolBar->show();
    m_playback->setPresenterKeys(true);
    setPresenterActionsEnabled(true);
    // Keys drive the run, not the text: the editor stops taking them.
    m_editor->setReadOnly(true);
    m_window->setFocus(Qt::OtherFocusReason);
    // Covering the screen first makes full screen work without a window
    // manager too (kiosk set-ups); with one, showFullScreen() does the rest.
    if (QScreen* screen = m_window->screen())
        m_window->setGeometry(screen->geometry());
    m_window->showFullScreen();
    if (m_fitViewsPending && m_window->screen() && m_window->size() == m_window->screen()->size()) {
        m_fitViewsPending = false;
        fitViews();
    }
    m_toggle->setChecked(true);
    emit activeChanged(true);
}

void PresenterMode::leave()
{
    if (!m_active)
        return;
    m_settings->setValue(kStateSetting, m_panes->saveLayout());
    setBlanked(false);
    m_pen->setChecked(false);
    m_spotlight->setChecked(false);
    m_overlay->clear();
    m_audienceToggle->setChecked(false);
    m_active = false;

    setPresenterActionsEnabled(false);
    m_playback->setPresenterKeys(false);
    m_toolBar->hide();
    m_window->menuBar()->setVisible(m_saved.menuBarShown);
    m_editor->setReadOnly(m_saved.editorReadOnly);
    m_theme->setFontScale(m_saved.fontScale);
    m_theme->setTheme(m_saved.theme);
    for (const auto& [bar, size] : std::as_const(m_saved.iconSizes)) {
        if (bar)
            bar->setIconSize(size);
    }
    m_window->setWindowState(m_saved.windowState & ~Qt::WindowFullScreen);
    if (!(m_saved.windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        m_window->setGeometry(m_saved.geometry);
    m_panes->restoreLayout(m_saved.state);
    m_toggle->setChecked(false);
    emit activeChanged(false);
}

void PresenterMode::toggle()
{
    if (m_active)
        leave();
    else
        enter();
}

void PresenterMode::setBlanked(bool blanked)
{
    if (blanked == m_blanked || (blanked && !m_active))
        return;
    m_blanked = blanked;
    m_blank->setChecked(blanked);
    m_blankScreen->setGeometry(m_window->rect());
    m_blankScreen->setVisible(blanked);
    if (blanked)
        m_blankScreen->raise();
    if (m_audience)
        m_audience->setBlanked(blanked);
    emit blankedChanged(blanked);
}

void PresenterMode::setAudienceWindowShown(bool shown)
{
    if (shown && !m_audience) {
        m_audience = new AudienceWindow(m_window, [this] { return mirroredWidgets(); }, m_overlay);
        // The clicker keeps working when the audience window has the focus.
        m_audience->addActions(m_window->actions());
        m_audience->setBlanked(m_blanked);
        connect(m_audience, &AudienceWindow::closed, this, [this] { setAudienceWindowShown(false); });
        m_audience->present();
    } else if (!shown && m_audience) {
        // Possibly called from the window's own closeEvent: delete it later.
        AudienceWindow* window = m_audience;
        m_audience = nullptr;
        window->hide();
        window->deleteLater();
    }
    m_audienceToggle->setChecked(shown);
}

bool PresenterMode::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Resize) {
        if (m_blanked)
            m_blankScreen->setGeometry(m_window->rect());
        // With a window manager, full screen arrives a little after enter().
        const QScreen* screen = m_window->screen();
        if (m_active && m_fitViewsPending && screen && static_cast<QResizeEvent*>(event)->size() == screen->size()) {
            m_fitViewsPending = false;
            QTimer::singleShot(0, this, [this] {
                if (m_active)
                    fitViews();
            });
        }
    }
    return QObject::eventFilter(watched, event);
}

void PresenterMode::addToMenu(QMenu* menu)
{
    menu->addAction(m_toggle);
    menu->addAction(m_audienceToggle);
    menu->addMenu(m_panesMenu);
    menu->addMenu(m_scaleMenu);
    menu->addSeparator();
    menu->addActions({m_pen, m_spotlight, m_clear, m_blank});
}

void PresenterMode::retranslate()
{
    auto describe = [](QAction* a, const QString& text, const QString& tip) {
        a->setText(text);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys.join(tr(", "))));
        a->setStatusTip(tip);
    };
    describe(m_toggle, tr("&Presenter Mode"), tr("Full screen, large type and high contrast for a projector"));
    describe(m_leave, tr("Leave Presenter Mode"), tr("Back to the normal window"));
    describe(m_blank, tr("&Blank Screen"), tr("Black out the screen; press again to show it"));
    describe(m_pen, tr("P&en"), tr("Draw over the view with the mouse"));
    describe(m_spotlight, tr("&Spotlight"), tr("Darken everything except around the pointer"));
    describe(m_clear, tr("&Clear Drawings"), tr("Remove everything drawn with the pen"));
    describe(m_audienceToggle, tr("&Audience Window"),
             tr("Mirror the visualisation on a second screen; this screen keeps the controls and notes"));
    m_panesMenu->setTitle(tr("Panes on Screen"));
    m_scaleMenu->setTitle(tr("Type Size"));
    for (int i = 0; i < m_paneActions.size(); ++i)
        m_paneActions[i]->setText(PaneSet::title(kAllPanes[std::size_t(i)]));
    m_toolBar->setWindowTitle(tr("Presenter"));
}

} // namespace coroscope
