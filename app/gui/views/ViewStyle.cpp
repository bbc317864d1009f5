#include "app/gui/views/ViewStyle.h"

#include "app/gui/theme/ThemeManager.h"

#include <QFontMetricsF>
#include <QGuiApplication>

#include <unordered_map>

namespace coroscope {

struct ViewStyle::Cache {
    struct Entry {
        QColor fill;
        QColor onFill;
        QColor ink;
    };
    std::unordered_map<TaskId, Entry> colors;
};

namespace {

QFont applicationFont()
{
    return QGuiApplication::instance() ? QGuiApplication::font() : QFont();
}

QFont scaled(QFont f, qreal factor)
{
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else if (f.pixelSize() > 0)
        f.setPixelSize(qMax(1, qRound(f.pixelSize() * factor)));
    return f;
}

} // namespace

QColor mixColors(const QColor& a, const QColor& b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(float(x.redF() + (y.redF() - x.redF()) * t),
                            float(x.greenF() + (y.greenF() - x.greenF()) * t),
                            float(x.blueF() + (y.blueF() - x.blueF()) * t),
                            float(x.alphaF() + (y.alphaF() - x.alphaF()) * t));
}

ViewStyle::ViewStyle()
    : ViewStyle(ThemeColors::forTheme(ThemeKind::Light), applicationFont(), 1.0)
{
}

ViewStyle::ViewStyle(const ThemeColors& theme, const QFont& base, double scale)
    : m_theme(theme)
    , m_tasks(theme)
    , m_base(base)
    , m_scale(qBound(0.5, scale, 4.0))
    , m_cache(std::make_shared<Cache>())
{
    m_mono = ThemeManager::monospaceFont();
    if (m_base.pointSizeF() > 0)
        m_mono.setPointSizeF(m_base.pointSizeF());
    else if (m_base.pixelSize() > 0)
        m_mono.setPixelSize(m_base.pixelSize());
    m_unit = QFontMetricsF(font()).height();
}

ViewStyle ViewStyle::forTheme(ThemeKind kind, double scale)
{
    return ViewStyle(ThemeColors::forTheme(kind), applicationFont(), scale);
}

ViewStyle ViewStyle::scaledBy(double factor) const
{
    ViewStyle s = *this;
    s.m_scale = qBound(0.5, m_scale * factor, 4.0);
    s.m_unit = QFontMetricsF(s.font()).height();
    return s;
}

QFont ViewStyle::font(qreal relative, bool bold, bool mono) const
{
    QFont f = scaled(mono ? m_mono : m_base, m_scale * relative);
    if (bold)
        f.setWeight(QFont::DemiBold);
    return f;
}

QColor ViewStyle::activity(Activity a) const
{
    // Each theme's activity colours keep the same meaning: green runs, blue
    // waits its turn, amber waits on something, grey is frozen, red blocks
    // the whole loop.
    switch (m_theme.kind) {
    case ThemeKind::Light:
        switch (a) {
        case Activity::Running: return QColor(0x2d, 0xa4, 0x4e);
        case Activity::Ready: return QColor(0x54, 0xae, 0xff);
        case Activity::Waiting: return QColor(0xe3, 0xb3, 0x41);
        case Activity::Suspended: return QColor(0xaf, 0xb8, 0xc1);
        case Activity::Blocked: return QColor(0xcf, 0x22, 0x2e);
        case Activity::Idle: return QColor(0xe1, 0xe6, 0xeb);
        }
        break;
    case ThemeKind::Dark:
        switch (a) {
        case Activity::Running: return QColor(0x3f, 0xb9, 0x50);
        case Activity::Ready: return QColor(0x38, 0x8b, 0xfd);
        case Activity::Waiting: return QColor(0xd2, 0x99, 0x22);
        case Activity::Suspended: return QColor(0x6e, 0x76, 0x81);
        case Activity::Blocked: return QColor(0xf8, 0x51, 0x49);
        case Activity::Idle: return QColor(0x30, 0x36, 0x3d);
        }
        break;
    case ThemeKind::HighContrast:
        switch (a) {
        case Activity::Running: return QColor(0x00, 0xe0, 0x40);
        case Activity::Ready: return QColor(0x40, 0xa8, 0xff);
        case Activity::Waiting: return QColor(0xff, 0xd0, 0x00);
        case Activity::Suspended: return QColor(0xa0, 0xa0, 0xa0);
        case Activity::Blocked: return QColor(0xff, 0x40, 0x40);
        case Activity::Idle: return QColor(0x38, 0x38, 0x38);
        }
        break;
    }
    return m_theme.mutedText;
}

QColor ViewStyle::faded(const QColor& c, qreal amount) const
{
    return mixColors(c, m_theme.base, amount).toRgb();
}

QColor ViewStyle::taskFill(TaskId task) const
{
    auto it = m_cache->colors.find(task);
    if (it == m_cache->colors.end())
        it = m_cache->colors.emplace(task, Cache::Entry{m_tasks.fill(task), m_tasks.onFill(task), m_tasks.ink(task)}).first;
    return it->second.fill;
}

QColor ViewStyle::taskOnFill(TaskId task) const
{
    taskFill(task);
    return m_cache->colors.at(task).onFill;
}

QColor ViewStyle::taskInk(TaskId task) const
{
    taskFill(task);
    return m_cache->colors.at(task).ink;
}

} // namespace coroscope
