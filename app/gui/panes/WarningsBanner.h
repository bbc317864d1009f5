#pragma once
// WarningsBanner: the strip above the code that says what went wrong in the
// run: a coroutine never awaited, an exception never retrieved, a blocking
// call, a deadlock, a budget that stopped the run, an uncaught exception, a
// syntax error. Each entry links to the moment it happened: clicking seeks
// the player there (or shows the line, for a syntax error).

#include "app/gui/run/RunRequest.h"
#include "app/gui/theme/ThemeColors.h"

#include <QFrame>
#include <QList>

class QLabel;
class QToolButton;

namespace coroscope {

class Model;
class Trace;

class WarningsBanner : public QFrame {
    Q_OBJECT
public:
    /// Entries shown before "and N more".
    static constexpr int kMaxShown = 4;

    struct Item {
        enum class Severity : std::uint8_t { Warning, Error };
        Severity severity = Severity::Warning;
        QString text;          ///< one line, plain text
        qint64 position = -1;  ///< the player position to jump to; -1: none
        int line = 0;          ///< a source line to show instead (syntax errors); 0: none
        int count = 1;         ///< identical warnings folded into this one
        bool operator==(const Item&) const = default;
    };

    explicit WarningsBanner(QWidget* parent = nullptr);

    /// The entries for a run: the warnings recorded in `head` (the Model
    /// after every event so far) and, once it ended, how it ended.
    static QList<Item> collect(const Model& head, const Trace& trace, const RunResult* result);

    /// Shows `items`; hides the banner when there are none. A banner the
    /// user closed comes back only for different items.
    void setItems(const QList<Item>& items);
    const QList<Item>& items() const { return m_items; }
    /// The rich text shown (links are "seek:N" and "line:N").
    QString html() const;
    void setColors(const ThemeColors& colors);

public slots:
    /// Acts on a link as a click on it would.
    void activateLink(const QString& link);

signals:
    void seekRequested(qint64 position);
    void lineRequested(int line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QList<Item> m_items;
    QList<Item> m_dismissed; ///< what was showing when the user closed the banner
    ThemeColors m_colors;
    QLabel* m_icon;
    QLabel* m_text;
    QToolButton* m_close;
};

} // namespace coroscope
