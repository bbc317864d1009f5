#include "app/gui/panes/ClockDisplay.h"

#include "app/gui/theme/ThemeManager.h"

#include <QEvent>
#include <QPainter>

namespace coroscope {

ClockDisplay::ClockDisplay(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("clockDisplay"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setToolTip(tr("Virtual time: the clock of the simulated run. It moves only when "
                  "the ready queue is empty or a blocking call holds the loop."));
    setAccessibleName(tr("Virtual clock"));
}

QString ClockDisplay::format(Nanos time)
{
    // Fixed three decimals: asyncio programs schedule in milliseconds.
    const qint64 ms = time / 1'000'000;
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    const qint64 a = ms < 0 ? -ms : ms;
    return QStringLiteral("t = %1%2.%3 s").arg(sign).arg(a / 1000).arg(a % 1000, 3, 10, QLatin1Char('0'));
}

void ClockDisplay::setTime(Nanos time)
{
    if (time == m_time)
        return;
    const bool wider = format(time).size() != format(m_time).size();
    m_time = time;
    setAccessibleDescription(text());
    if (wider)
        updateGeometry();
    update();
}

void ClockDisplay::setMagnification(double factor)
{
    m_magnification = factor;
    updateGeometry();
    update();
}

QFont ClockDisplay::clockFont() const
{
    QFont f = ThemeManager::monospaceFont().resolve(font());
    f.setPointSizeF((font().pointSizeF() > 0 ? font().pointSizeF() : 10.0) * m_magnification);
    f.setBold(true);
    return f;
}

QSize ClockDisplay::sizeHint() const
{
    const QFontMetrics fm(clockFont());
    // Room for four digits of seconds, so normal runs never resize the toolbar.
    const int chars = std::max<int>(text().size(), QStringLiteral("t = 0000.000 s").size());
    return QSize(fm.horizontalAdvance(QLatin1Char('0')) * chars + fm.height(), fm.height() + 6);
}

void ClockDisplay::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(r, 6, 6);
    p.setFont(clockFont());
    p.setPen(palette().color(QPalette::Text));
    p.drawText(rect(), Qt::AlignCenter, text());
}

void ClockDisplay::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    else if (event->type() == QEvent::LanguageChange)
        setToolTip(tr("Virtual time: the clock of the simulated run. It moves only when "
                      "the ready queue is empty or a blocking call holds the loop."));
}

} // namespace coroscope
