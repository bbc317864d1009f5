#include "app/gui/panes/WarningsBanner.h"

#include "core/trace/Model.h"
#include "core/trace/Trace.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace coroscope {

namespace {

constexpr int kMaxTextChars = 180;

QString firstLine(std::string_view text)
{
    QString s = QString::fromUtf8(text.data(), qsizetype(text.size())).trimmed();
    const qsizetype nl = s.indexOf(QLatin1Char('\n'));
    if (nl >= 0)
        s.truncate(nl);
    if (s.size() > kMaxTextChars)
        s = s.left(kMaxTextChars - 1) + QChar(0x2026);
    return s;
}

QString kindLabel(WarningKind kind)
{
    switch (kind) {
    case WarningKind::NeverAwaited: return WarningsBanner::tr("Never awaited");
    case WarningKind::ExceptionNeverRetrieved: return WarningsBanner::tr("Exception never retrieved");
    case WarningKind::BlockingCall: return WarningsBanner::tr("Blocking call in a coroutine");
    case WarningKind::Deadlock: return WarningsBanner::tr("Deadlock");
    case WarningKind::LimitReached: return WarningsBanner::tr("Limit reached");
    case WarningKind::Deprecated: return WarningsBanner::tr("Deprecated");
    }
    return WarningsBanner::tr("Warning");
}

/// The position right after the last Exception event, or the end.
qint64 lastExceptionPosition(const Trace& trace)
{
    for (std::size_t i = trace.size(); i > 0; --i) {
        if (trace[i - 1].kind == EventKind::Exception)
            return qint64(i);
    }
    return qint64(trace.size());
}

QString lastNonBlankLine(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (!it->trimmed().isEmpty())
            return it->trimmed();
    }
    return {};
}

void addOrFold(QList<WarningsBanner::Item>& items, WarningsBanner::Item item)
{
    for (WarningsBanner::Item& existing : items) {
        if (existing.text == item.text && existing.severity == item.severity) {
            ++existing.count;
            return;
        }
    }
    items.append(std::move(item));
}

} // namespace

WarningsBanner::WarningsBanner(QWidget* parent)
    : QFrame(parent)
    , m_colors(ThemeColors::forTheme(ThemeKind::Light))
{
    setObjectName(QStringLiteral("warningsBanner"));
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    m_icon = new QLabel(QStringLiteral("\u26A0"), this);
    m_icon->setAlignment(Qt::AlignTop);
    QFont iconFont = m_icon->font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * 1.3);
    m_icon->setFont(iconFont);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("warningsText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(m_text, &QLabel::linkActivated, this, &WarningsBanner::activateLink);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("warningsClose"));
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, [this] {
        m_dismissed = m_items;
        hide();
    });
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setColors(m_colors);
    refresh();
}

QList<WarningsBanner::Item> WarningsBanner::collect(const Model& head, const Trace& trace, const RunResult* result)
{
    QList<Item> items;
    bool limitWarned = false;
    for (std::size_t i = 0; i < head.warningCount(); ++i) {
        const WarningEntry& w = head.warning(i);
        limitWarned = limitWarned || w.kind == WarningKind::LimitReached;
        const Item::Severity severity = (w.kind == WarningKind::Deadlock || w.kind == WarningKind::LimitReached)
                                            ? Item::Severity::Error
                                            : Item::Severity::Warning;
        const QString message = firstLine(trace.text(w.message));
        const QString text = message.isEmpty() ? kindLabel(w.kind) : tr("%1: %2").arg(kindLabel(w.kind), message);
        addOrFold(items, Item{severity, text, qint64(w.event) + 1});
    }
    if (!result)
        return items;
    switch (result->outcome) {
    case RunOutcome::Ok:
        break;
    case RunOutcome::Limit:
        if (!limitWarned) {
            items.append(Item{Item::Severity::Error,
                              tr("Limit reached: the run was stopped after %1 steps, so it may never end. "
                                 "Its first %2 events are recorded.")
                                  .arg(QLocale().toString(qulonglong(result->maxSteps)),
                                       QLocale().toString(qulonglong(result->events))),
                              qint64(trace.size())});
        }
        break;
    case RunOutcome::Exception: {
        const QString last = lastNonBlankLine(result->stderrText);
        items.append(Item{Item::Severity::Error,
                          last.isEmpty() ? tr("The program ended with exit status %1").arg(result->exitCode)
                                         : tr("Uncaught exception: %1").arg(last),
                          lastExceptionPosition(trace)});
        break;
    }
    case RunOutcome::SyntaxError:
        items.append(Item{Item::Severity::Error,
                          result->syntaxLine > 0
                              ? tr("%1 (line %2)").arg(result->syntaxMessage).arg(result->syntaxLine)
                              : result->syntaxMessage,
                          -1, result->syntaxLine});
        break;
    case RunOutcome::Crashed:
        items.append(Item{Item::Severity::Error, tr("Coroscope failed while running this program: %1")
                                                     .arg(result->internalError),
                          qint64(trace.size())});
        break;
    }
    return items;
}

void WarningsBanner::setItems(const QList<Item>& items)
{
    if (items == m_items)
        return;
    m_items = items;
    if (m_items != m_dismissed)
        m_dismissed.clear();
    refresh();
}

QString WarningsBanner::html() const
{
    QStringList rows;
    const int shown = std::min<int>(kMaxShown, int(m_items.size()));
    for (int i = 0; i < shown; ++i) {
        const Item& item = m_items[i];
        QString row = item.text.toHtmlEscaped();
        if (item.severity == Item::Severity::Error)
            row = QStringLiteral("<b>%1</b>").arg(row);
        if (item.count > 1)
            row += QStringLiteral(" (\u00D7%1)").arg(item.count);
        if (item.position >= 0)
            row += QStringLiteral(" &nbsp;<a href=\"seek:%1\">%2</a>").arg(item.position).arg(tr("show me"));
        else if (item.line > 0)
            row += QStringLiteral(" &nbsp;<a href=\"line:%1\">%2</a>").arg(item.line).arg(tr("show the line"));
        rows << row;
    }
    if (m_items.size() > shown)
        rows << tr("\u2026 and %n more", nullptr, int(m_items.size()) - shown);
    return rows.join(QStringLiteral("<br>"));
}

void WarningsBanner::activateLink(const QString& link)
{
    const qsizetype colon = link.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return;
    const QString kind = link.left(colon);
    bool ok = false;
    const qint64 value = link.mid(colon + 1).toLongLong(&ok);
    if (!ok)
        return;
    if (kind == QLatin1String("seek"))
        emit seekRequested(value);
    else if (kind == QLatin1String("line"))
        emit lineRequested(int(value));
}

void WarningsBanner::setColors(const ThemeColors& colors)
{
    m_colors = colors;
    QPalette p = palette();
    p.setColor(QPalette::Window, colors.warningBack);
    p.setColor(QPalette::WindowText, colors.warningInk);
    p.setColor(QPalette::Link, colors.warningInk);
    p.setColor(QPalette::ButtonText, colors.warningInk);
    setPalette(p);
    setStyleSheet(QStringLiteral("QFrame#warningsBanner { background: %1; border-bottom: 1px solid %2; }"
                                 "QFrame#warningsBanner QLabel { color: %3; }")
                      .arg(colors.warningBack.name(), colors.border.name(), colors.warningInk.name()));
    refresh();
}

void WarningsBanner::refresh()
{
    m_text->setText(html());
    m_close->setToolTip(tr("Hide these warnings until the next run"));
    setVisible(!m_items.isEmpty() && m_items != m_dismissed);
}

void WarningsBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        refresh();
}

} // namespace coroscope
