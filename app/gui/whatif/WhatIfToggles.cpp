#include "app/gui/whatif/WhatIfToggles.h"

#include "lessons/loader/Lesson.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace coroscope {

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
            auto* box = new QCheckBox(this);
            box->setObjectName(QStringLiteral("whatIf_") + whatIf.id);
            box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
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
