#include "app/gui/panes/EmptyStatePane.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QTextOption>

namespace coroscope {

namespace {
constexpr const char* kContext = "coroscope::EmptyStatePane";
}

EmptyStatePane::EmptyStatePane(const char* title, const char* hint, QWidget* parent)
    : QWidget(parent)
    , m_title(title)
    , m_hint(hint)
{
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setAccessibleName(this->title());
    setAccessibleDescription(this->hint());
}

QString EmptyStatePane::title() const
{
    return QCoreApplication::translate(kContext, m_title);
}

QString EmptyStatePane::hint() const
{
    return QCoreApplication::translate(kContext, m_hint);
}

void EmptyStatePane::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect().adjusted(16, 12, -16, -12);

    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.25);
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics hintMetrics(font());

    QTextOption wrap(Qt::AlignHCenter | Qt::AlignTop);
    wrap.setWrapMode(QTextOption::WordWrap);
    const QRect hintBounds = hintMetrics.boundingRect(QRect(0, 0, area.width(), 10000),
                                                      Qt::AlignHCenter | Qt::TextWordWrap, hint());
    const int gap = titleMetrics.height() / 2;
    const int blockHeight = titleMetrics.height() + gap + hintBounds.height();
    const int top = area.top() + std::max(0, (area.height() - blockHeight) / 2);

    p.setFont(titleFont);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(area.left(), top, area.width(), titleMetrics.height()),
               Qt::AlignHCenter | Qt::AlignVCenter, titleMetrics.elidedText(title(), Qt::ElideRight, area.width()));
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(area.left(), top + titleMetrics.height() + gap, area.width(), hintBounds.height()), hint(), wrap);
}

void EmptyStatePane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(title());
        setAccessibleDescription(hint());
        update();
    }
}

} // namespace coroscope
