#pragma once
// EmptyStatePane: what a pane shows before there is anything to show — a
// title and one sentence telling the user what to do. The strings are kept
// untranslated and translated at paint time, so a language switch applies.

#include <QWidget>

namespace coroscope {

class EmptyStatePane : public QWidget {
    Q_OBJECT
public:
    /// `title` and `hint` are source strings marked with QT_TRANSLATE_NOOP
    /// in the "coroscope::EmptyStatePane" context.
    EmptyStatePane(const char* title, const char* hint, QWidget* parent = nullptr);

    QString title() const;
    QString hint() const;
    QSize sizeHint() const override { return QSize(320, 200); }
    QSize minimumSizeHint() const override { return QSize(120, 60); }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    const char* m_title;
    const char* m_hint;
};

} // namespace coroscope
