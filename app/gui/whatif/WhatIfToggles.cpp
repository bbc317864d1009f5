#include "app/gui/whatif/WhatIfToggles.h"

#include "lessons/loader/Lesson.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>

#include <algorithm>

namespace coroscope {

namespace {

/// A check box whose label wraps onto more lines in a narrow pane instead of
/// being cut off; the box sits by the first line and the whole label clicks.
class WrappingCheckBox : public QCheckBox {
public:
    explicit WrappingCheckBox(QWidget* parent)
        : QCheckBox(parent)
    {
        QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    bool hasHeightForWidth() const override { return true; }

    int heightForWidth(int width) const override
    {
        const QRect text = fontMetrics().boundingRect(QRect(0, 0, std::max(1, width - textIndent()), 100000),
                                                      Qt::TextWordWrap, this->text());
        return std::max(text.height(), indicatorSize().height()) + 2 * kPadding;
    }

    QSize sizeHint() const override
    {
        const int width = this->width() > 0 ? this->width() : QCheckBox::sizeHint().width();
        return QSize(QCheckBox::sizeHint().width(), heightForWidth(width));
    }

    QSize minimumSizeHint() const override
    {
        return QSize(textIndent() + fontMetrics().averageCharWidth() * 10, heightForWidth(width()));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QStylePainter painter(this);
        QStyleOptionButton option;
        initStyleOption(&option);
        QStyleOptionButton box = option;
        const QSize indicator = indicatorSize();
        const int line = fontMetrics().lineSpacing();
        box.rect = QRect(QPoint(0, kPadding + std::max(0, (line - indicator.height()) / 2)), indicator);
        painter.drawPrimitive(QStyle::PE_IndicatorCheckBox, box);
        const QRect textRect = rect().adjusted(textIndent(), kPadding, 0, -kPadding);
        painter.setPen(palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
        painter.drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text());
        if (hasFocus()) {
            QStyleOptionFocusRect focus;
            focus.initFrom(this);
            focus.rect = painter.boundingRect(textRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text());
            painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
        }
    }

    bool hitButton(const QPoint& pos) const override { return rect().contains(pos); }

private:
    static constexpr int kPadding = 2;

    QSize indicatorSize() const
    {
        return QSize(style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, this),
                     style()->pixelMetric(QStyle::PM_IndicatorHeight, nullptr, this));
    }
    int textIndent() const
    {
        return indicatorSize().width() + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, this);
    }
};

} // namespace

WhatIfToggles::WhatIfToggles(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfToggles"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(2);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("whatIfHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);
    m_list = new QVBoxLayout;
    m_list->setSpacing(2);
    layout->addLayout(m_list);
    // Exclusive by hand: a QButtonGroup's exclusivity cannot turn the last one off.
    m_group = new QButtonGroup(this);
    m_group->setExclusive(false);
    connect(m_group, &QButtonGroup::buttonToggled, this, &WhatIfToggles::onToggled);
    refreshTexts();
    setVisible(false);
}

void WhatIfToggles::setProgram(const lessons::Lesson* lesson, int program)
{
    for (Entry& entry : m_entries) {
        m_group->removeButton(entry.button);
        delete entry.button;
        delete entry.explanation;
    }
    m_entries.clear();
    const bool wasActive = !m_active.isEmpty();
    m_active.clear();
    if (lesson) {
        for (const lessons::WhatIf& whatIf : lesson->whatIfs) {
            if (whatIf.program != program)
                continue;
            Entry entry;
            entry.id = whatIf.id;
            entry.label = whatIf.label;
            entry.explain = whatIf.explain;
            auto* box = new WrappingCheckBox(this);
            box->setObjectName(QStringLiteral("whatIf_") + whatIf.id);
            entry.button = box;
            entry.explanation = new QLabel(this);
            entry.explanation->setWordWrap(true);
            entry.explanation->setIndent(22);
            entry.explanation->setForegroundRole(QPalette::PlaceholderText);
            entry.explanation->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
            m_group->addButton(box);
            m_list->addWidget(box);
            m_list->addWidget(entry.explanation);
            m_entries.append(entry);
        }
    }
    refreshTexts();
    setVisible(!m_entries.isEmpty());
    if (wasActive)
        emit activeChanged(QString());
}

void WhatIfToggles::setLanguage(lessons::Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    refreshTexts();
}

QStringList WhatIfToggles::ids() const
{
    QStringList ids;
    for (const Entry& entry : m_entries)
        ids << entry.id;
    return ids;
}

QAbstractButton* WhatIfToggles::button(const QString& id) const
{
    for (const Entry& entry : m_entries) {
        if (entry.id == id)
            return entry.button;
    }
    return nullptr;
}

void WhatIfToggles::setActive(const QString& id)
{
    if (id == m_active)
        return;
    if (id.isEmpty()) {
        if (QAbstractButton* on = button(m_active))
            on->setChecked(false);
        return;
    }
    if (QAbstractButton* target = button(id))
        target->setChecked(true);
}

void WhatIfToggles::onToggled(QAbstractButton* button, bool on)
{
    QString id;
    for (const Entry& entry : m_entries) {
        if (entry.button == button)
            id = entry.id;
    }
    if (on) {
        // One at a time: the others go off without announcing a change of their own.
        for (const Entry& entry : m_entries) {
            if (entry.button != button && entry.button->isChecked()) {
                const QSignalBlocker blocker(m_group);
                entry.button->setChecked(false);
            }
        }
        m_active = id;
        emit activeChanged(id);
    } else if (id == m_active) {
        m_active.clear();
        emit activeChanged(QString());
    }
}

void WhatIfToggles::refreshTexts()
{
    m_heading->setText(tr("What if\u2026"));
    m_heading->setToolTip(tr("Turn one on to run a changed version of this program next to the original "
                             "and compare both timelines"));
    for (const Entry& entry : m_entries) {
        entry.button->setText(entry.label.in(m_language));
        const QString explain = entry.explain.in(m_language);
        entry.explanation->setText(explain);
        entry.explanation->setVisible(!explain.isEmpty());
        entry.button->setToolTip(explain);
    }
}

void WhatIfToggles::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refreshTexts();
}

} // namespace coroscope
