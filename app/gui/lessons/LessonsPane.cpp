#include "app/gui/lessons/LessonsPane.h"

#include "app/gui/lessons/LessonProgress.h"
#include "lessons/loader/LessonLibrary.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QFrame>
#include <QScrollArea>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace coroscope {

namespace {

/// The progress mark as a small painted icon in the palette's colours, so
/// it reads on every theme: a hollow ring, a half-filled disc, a tick.
QIcon markIcon(LessonProgress::Mark mark, const QPalette& palette, qreal dpr)
{
    const int size = 16;
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(2.5, 2.5, 11, 11);
    const QColor accent = palette.color(QPalette::Highlight);
    switch (mark) {
    case LessonProgress::Mark::New:
        p.setPen(QPen(palette.color(QPalette::PlaceholderText), 1.4));
        p.drawEllipse(disc);
        break;
    case LessonProgress::Mark::Visited: {
        p.setPen(QPen(accent, 1.4));
        p.drawEllipse(disc);
        QPainterPath half;
        half.moveTo(disc.center());
        half.arcTo(disc, 90, 180);
        half.closeSubpath();
        p.fillPath(half, accent);
        break;
    }
    case LessonProgress::Mark::Completed: {
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawEllipse(disc);
        p.setPen(QPen(palette.color(QPalette::HighlightedText), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(5.2, 8.2), QPointF(7.2, 10.3), QPointF(11, 5.8)}));
        break;
    }
    }
    return QIcon(pixmap);
}

/// The scroll area under the tree: as tall as its content at the width it
/// has (the details wrap), at most most of the pane, scrolling beyond that, so
/// a short window never cuts the last line of the details or the toggles off.
class DetailsArea : public QScrollArea {
public:
    explicit DetailsArea(QWidget* parent)
        : QScrollArea(parent)
    {
        setObjectName(QStringLiteral("lessonDetailsArea"));
        setWidgetResizable(true);
        setFrameShape(QFrame::NoFrame);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    }

    QSize sizeHint() const override
    {
        const QSize base = QScrollArea::sizeHint();
        if (!widget())
            return base;
        const int w = viewport()->width() > 0 ? viewport()->width() : base.width();
        int h = widget()->hasHeightForWidth() ? widget()->heightForWidth(w) : -1;
        if (h < 0)
            h = widget()->sizeHint().height();
        if (parentWidget() && parentWidget()->height() > 0)
            h = std::min(h, parentWidget()->height() * 3 / 5);
        return QSize(base.width(), h + 2 * frameWidth());
    }

    QSize minimumSizeHint() const override
    {
        // As wide as the content needs (a toggle's label does not wrap): only the height scrolls.
        const int content = widget() ? widget()->minimumSizeHint().width() : 0;
        const int bar = verticalScrollBar()->sizeHint().width();
        return QSize(std::max(QScrollArea::minimumSizeHint().width(), content + bar + 2 * frameWidth()),
                     3 * fontMetrics().lineSpacing());
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // The content grew or shrank (new details, toggles shown): ask for its new height.
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QScrollArea::resizeEvent(event);
        if (viewport()->width() != m_width) {
            m_width = viewport()->width();
            updateGeometry();
        }
    }

private:
    int m_width = -1;
};

QString markText(LessonProgress::Mark mark)
{
    switch (mark) {
    case LessonProgress::Mark::New: return LessonsPane::tr("Not started");
    case LessonProgress::Mark::Visited: return LessonsPane::tr("Visited: play every program to the end to complete it");
    case LessonProgress::Mark::Completed: return LessonsPane::tr("Completed");
    }
    return {};
}

} // namespace

LessonsPane::LessonsPane(const lessons::LessonLibrary* library, LessonProgress* progress, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_progress(progress)
{
    setObjectName(QStringLiteral("lessonsPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("lessonTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setExpandsOnDoubleClick(false);
    m_detailsArea = new DetailsArea(this);
    auto* content = new QWidget(m_detailsArea);
    content->setObjectName(QStringLiteral("lessonDetailsContent"));
    m_detailsLayout = new QVBoxLayout(content);
    m_detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_detailsLayout->setSpacing(0);
    m_details = new QLabel(content);
    m_details->setObjectName(QStringLiteral("lessonDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setMargin(8);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    m_detailsLayout->addWidget(m_details);
    m_detailsArea->setWidget(content);
    // A rule between the list and the details: when the details scroll, a
    // half-shown line must not look like part of the list.
    auto* rule = new QFrame(this);
    rule->setObjectName(QStringLiteral("lessonDetailsRule"));
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(m_tree, 1);
    layout->addWidget(rule);
    layout->addWidget(m_detailsArea);

    // A click picks: the browser is a list of places to go, not a selection to edit.
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    connect(m_progress, &LessonProgress::changed, this, [this] {
        refreshMarks();
        refreshDetails();
    });
    reload();
}

void LessonsPane::reload()
{
    m_tree->clear();
    for (const lessons::Lesson& lesson : m_library->lessons()) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setData(0, kLessonIdRole, lesson.id);
        item->setData(0, kProgramRole, -1);
        // A lesson with one program is that program: no row of its own.
        for (int p = 0; lesson.programs.size() > 1 && p < lesson.programs.size(); ++p) {
            auto* child = new QTreeWidgetItem(item);
            child->setData(0, kLessonIdRole, lesson.id);
            child->setData(0, kProgramRole, p);
        }
    }
    refreshTexts();
    refreshMarks();
    if (!m_currentLesson.isEmpty())
        setCurrent(m_currentLesson, m_currentProgram);
    refreshDetails();
}

void LessonsPane::setLanguage(lessons::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    refreshTexts();
    refreshDetails();
}

QTreeWidgetItem* LessonsPane::itemFor(const QString& lessonId, int program) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        if (item->data(0, kLessonIdRole).toString() != lessonId)
            continue;
        if (program < 0)
            return item;
        if (item->childCount() == 0)
            return program == 0 ? item : nullptr;
        return program < item->childCount() ? item->child(program) : nullptr;
    }
    return nullptr;
}

void LessonsPane::setCurrent(const QString& lessonId, int program)
{
    m_currentLesson = lessonId;
    m_currentProgram = program;
    QTreeWidgetItem* lessonItem = itemFor(lessonId);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        item->setExpanded(item == lessonItem && item->childCount() > 1);
        QFont f = item->font(0);
        f.setBold(item == lessonItem);
        item->setFont(0, f);
    }
    QTreeWidgetItem* current = lessonItem && lessonItem->childCount() > 1 ? itemFor(lessonId, program) : lessonItem;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->setCurrentItem(current);
    }
    if (current)
        m_tree->scrollToItem(current);
    refreshDetails();
}

void LessonsPane::addFooter(QWidget* widget)
{
    m_detailsLayout->addWidget(widget);
}

void LessonsPane::onItemActivated(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString id = item->data(0, kLessonIdRole).toString();
    const int program = std::max(0, item->data(0, kProgramRole).toInt());
    // Clicking the lesson that is already open only folds or unfolds it.
    if (id == m_currentLesson && item->data(0, kProgramRole).toInt() < 0) {
        item->setExpanded(!item->isExpanded());
        return;
    }
    if (id == m_currentLesson && program == m_currentProgram)
        return;
    emit programActivated(id, program);
}

void LessonsPane::refreshTexts()
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        const lessons::Lesson* lesson = m_library->find(item->data(0, kLessonIdRole).toString());
        if (!lesson)
            continue;
        item->setText(0, tr("%1  %2").arg(lesson->chapter, lesson->title.in(m_language)));
        for (int p = 0; p < item->childCount(); ++p) {
            const lessons::Program& program = lesson->programs[p];
            item->child(p)->setText(0, program.title.in(m_language));
            item->child(p)->setToolTip(0, program.file);
        }
    }
}

void LessonsPane::refreshMarks()
{
    const qreal dpr = devicePixelRatioF();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_tree->topLevelItem(i);
        const QString id = item->data(0, kLessonIdRole).toString();
        const lessons::Lesson* lesson = m_library->find(id);
        const LessonProgress::Mark mark = m_progress->mark(id, lesson ? int(lesson->programs.size()) : 0);
        item->setIcon(0, markIcon(mark, palette(), dpr));
        item->setToolTip(0, markText(mark));
        for (int p = 0; p < item->childCount(); ++p) {
            const LessonProgress::Mark programMark = m_progress->isProgramFinished(id, p) ? LessonProgress::Mark::Completed
                                                     : m_progress->isVisited(id)          ? LessonProgress::Mark::Visited
                                                                                          : LessonProgress::Mark::New;
            item->child(p)->setIcon(0, markIcon(programMark, palette(), dpr));
        }
    }
}

void LessonsPane::refreshDetails()
{
    const lessons::Lesson* lesson = m_library->find(m_currentLesson);
    if (!lesson) {
        m_details->setText(m_library->lessons().isEmpty() ? tr("No lessons found.")
                                                          : tr("Pick a lesson to open it."));
        return;
    }
    QString html = QStringLiteral("<b>%1 %2</b><br>%3")
                       .arg(lesson->chapter.toHtmlEscaped(), lesson->title.in(m_language).toHtmlEscaped(),
                            lesson->summary.in(m_language).toHtmlEscaped());
    const int checkpoints = int(lesson->checkpoints.size());
    if (checkpoints > 0) {
        const int answered = m_progress->answered(lesson->id, checkpoints);
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Checkpoints: %1 of %2 answered right (%3 answered)")
                             .arg(m_progress->correctAnswers(lesson->id, checkpoints))
                             .arg(checkpoints)
                             .arg(answered));
    }
    m_details->setText(html);
}

void LessonsPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refreshMarks();
    else if (event->type() == QEvent::LanguageChange)
        refreshDetails();
}

} // namespace coroscope
