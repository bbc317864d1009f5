#include "app/gui/whatif/WhatIfThroughput.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace coroscope {

namespace {

constexpr int kMargin = 2;
constexpr int kGap = 8;
/// The label column never takes more than this share of the width.
constexpr double kMaxLabelShare = 0.3;

} // namespace

double WhatIfThroughput::Row::stepsPerSecond() const
{
    return double(steps) * 1000.0 / double(std::max<qint64>(wallMs, 1));
}

WhatIfThroughput::WhatIfThroughput(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfThroughput"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void WhatIfThroughput::retranslate()
{
    setToolTip(tr("Measured while recording: wall-clock time, steps executed per second and events recorded"));
}

void WhatIfThroughput::setViewStyle(const ViewStyle& style)
{
    m_style = style;
    setFont(style.font(0.9));
    updateGeometry();
    update();
}

void WhatIfThroughput::setRuns(const QString& originalLabel, const RunResult& original, const QString& variantLabel,
                               const RunResult& variant)
{
    m_rows = {Row{originalLabel, original.wallMs, original.steps, original.events},
              Row{variantLabel, variant.wallMs, variant.steps, variant.events}};
    update();
}

void WhatIfThroughput::clear()
{
    m_rows.clear();
    update();
}

QString WhatIfThroughput::rate(double perSecond)
{
    if (perSecond >= 1e9)
        return QStringLiteral("%1 G").arg(perSecond / 1e9, 0, 'g', 3);
    if (perSecond >= 1e6)
        return QStringLiteral("%1 M").arg(perSecond / 1e6, 0, 'g', 3);
    if (perSecond >= 1e3)
        return QStringLiteral("%1 k").arg(perSecond / 1e3, 0, 'g', 3);
    return QString::number(qRound64(perSecond));
}

QString WhatIfThroughput::figures(int index) const
{
    const Row& row = m_rows.at(index);
    return tr("%1 ms \u00B7 %2 steps/s \u00B7 %n event(s)", nullptr, int(std::min<std::size_t>(row.events, INT_MAX)))
        .arg(row.wallMs)
        .arg(rate(row.stepsPerSecond()));
}

int WhatIfThroughput::rowHeight() const
{
    return fontMetrics().height() + 4;
}

std::pair<int, int> WhatIfThroughput::columns() const
{
    const QFontMetrics metrics = fontMetrics();
    int label = 0;
    int numbers = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        label = std::max(label, metrics.horizontalAdvance(m_rows[i].label));
        numbers = std::max(numbers, metrics.horizontalAdvance(figures(i)));
    }
    label = std::min(label, int(width() * kMaxLabelShare));
    return {label, numbers};
}

QRectF WhatIfThroughput::barRect(int index) const
{
    const auto [label, numbers] = columns();
    const double left = kMargin + label + kGap;
    const double room = std::max(0.0, double(width() - kMargin) - numbers - kGap - left);
    double top = 0;
    for (const Row& row : m_rows)
        top = std::max(top, row.stepsPerSecond());
    const double share = top > 0 ? m_rows.at(index).stepsPerSecond() / top : 0.0;
    const int h = rowHeight();
    return QRectF(left, kMargin + index * h + 2, room * share, h - 4);
}

QSize WhatIfThroughput::sizeHint() const
{
    return QSize(360, 2 * kMargin + 2 * rowHeight());
}

QSize WhatIfThroughput::minimumSizeHint() const
{
    return QSize(120, 2 * kMargin + 2 * rowHeight());
}

void WhatIfThroughput::paintEvent(QPaintEvent*)
{
    if (m_rows.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const ThemeColors& theme = m_style.theme();
    const QFontMetrics metrics = fontMetrics();
    const auto [label, numbers] = columns();
    const int h = rowHeight();
    // The original in the loop's colour of its own run, the variant highlighted.
    const QColor fills[2] = {m_style.faded(theme.link, 0.35), theme.highlight};
    for (int i = 0; i < m_rows.size(); ++i) {
        const QRectF bar = barRect(i);
        const int top = kMargin + i * h;
        painter.setPen(theme.text);
        painter.drawText(QRect(kMargin, top, label, h), Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(m_rows[i].label, Qt::ElideRight, label));
        painter.setPen(Qt::NoPen);
        painter.setBrush(fills[i % 2]);
        painter.drawRoundedRect(bar.width() < 2 ? QRectF(bar.topLeft(), QSizeF(2, bar.height())) : bar, 2, 2);
        painter.setPen(theme.mutedText);
        painter.drawText(QRectF(bar.right() + kGap, top, numbers + 1, h), Qt::AlignVCenter | Qt::AlignLeft,
                         figures(i));
    }
}

void WhatIfThroughput::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
}

} // namespace coroscope
