#pragma once
// WhatIfToggles: the what-ifs a lesson offers for the program on screen, in
// the lesson pane: one toggle per what-if with its label, and its
// explanation under it, in the lesson language. At most one is on at a time
// (a comparison sets one variant against the original). Hidden when the
// program has none.

#include "lessons/loader/LocalizedText.h"

#include <QList>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QVBoxLayout;

namespace coroscope::lessons {
struct Lesson;
}

namespace coroscope {

class WhatIfToggles : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfToggles(QWidget* parent = nullptr);

    /// Shows the what-ifs of `program` of `lesson` (null: none), all off.
    /// The lesson must outlive the widget or the next call.
    void setProgram(const lessons::Lesson* lesson, int program);
    void setLanguage(lessons::Language language);
    lessons::Language language() const { return m_language; }

    /// Ids of the what-ifs shown, in lesson order.
    QStringList ids() const;
    /// The toggle of a what-if, or nullptr.
    QAbstractButton* button(const QString& id) const;
    /// The id of the what-if that is on; empty when none.
    QString active() const { return m_active; }
    /// Turns `id` on (the others off), or every one off for an empty id.
    /// Emits activeChanged() when that changes something.
    void setActive(const QString& id);

signals:
    void activeChanged(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        QString id;
        lessons::LocalizedText label;
        lessons::LocalizedText explain;
        QAbstractButton* button = nullptr;
        QLabel* explanation = nullptr;
    };

    void refreshTexts();
    void onToggled(QAbstractButton* button, bool on);

    lessons::Language m_language = lessons::Language::English;
    QLabel* m_heading;
    QVBoxLayout* m_list;
    QButtonGroup* m_group;
    QList<Entry> m_entries;
    QString m_active;
};

} // namespace coroscope
