#include "app/gui/theme/TaskColors.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace coroscope {

namespace {

// Okabe & Ito, "Color Universal Design" (2008), black left out: it is the ink.
// Ordered so neighbouring task ids differ in both hue and lightness.
constexpr std::array<QRgb, 7> kOkabeIto{
    0xff0072b2, // blue
    0xffe69f00, // orange
    0xff009e73, // bluish green
    0xffd55e00, // vermillion
    0xff56b4e9, // sky blue
    0xffcc79a7, // reddish purple
    0xfff0e442, // yellow
};

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor blend(const QColor& top, const QColor& bottom, double alpha)
{
    return QColor::fromRgbF(float(top.redF() * alpha + bottom.redF() * (1 - alpha)),
                            float(top.greenF() * alpha + bottom.greenF() * (1 - alpha)),
                            float(top.blueF() * alpha + bottom.blueF() * (1 - alpha)));
}

} // namespace

TaskColors::TaskColors()
    : TaskColors(ThemeColors::forTheme(ThemeKind::Light))
{
}

TaskColors::TaskColors(const ThemeColors& theme)
{
    setTheme(theme);
}

void TaskColors::setTheme(const ThemeColors& theme)
{
    m_kind = theme.kind;
    m_ground = theme.base;
    m_cache.clear();
}

const TaskColors::Entry& TaskColors::entry(TaskId task) const
{
    if (task >= m_cache.size())
        m_cache.resize(std::min<std::size_t>(kCached, std::max<std::size_t>(task + 1, m_cache.size() * 2)));
    std::optional<Entry>& slot = m_cache[task];
    if (!slot)
        slot = Entry{adapted(task, fillContrast()), adapted(task, inkContrast())};
    return *slot;
}

double TaskColors::fillContrast() const
{
    // WCAG 1.4.11 asks 3:1 for graphics; the projector theme asks more.
    return m_kind == ThemeKind::HighContrast ? 4.5 : 3.0;
}

double TaskColors::inkContrast() const
{
    return m_kind == ThemeKind::HighContrast ? 7.0 : 4.5;
}

QColor TaskColors::identity(TaskId task)
{
    if (task == 0)
        return QColor(0x8c, 0x95, 0x9f);
    if (task <= kOkabeIto.size())
        return QColor::fromRgb(kOkabeIto[task - 1]);
    // The golden angle spreads any number of hues with no two runs close;
    // alternating lightness separates the hues it brings back near each other.
    const double hue = std::fmod(17.0 + double(task - kOkabeIto.size()) * 137.50776, 360.0);
    const double lightness = task % 2 ? 0.45 : 0.60;
    return QColor::fromHslF(float(hue / 360.0), 0.70f, float(lightness)).toRgb();
}

double TaskColors::contrastRatio(const QColor& a, const QColor& b)
{
    double la = luminance(a);
    double lb = luminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

QColor TaskColors::withContrast(const QColor& c, const QColor& ground, double ratio)
{
    if (contrastRatio(c, ground) >= ratio)
        return c;
    const bool darken = luminance(ground) > 0.18;
    float h, s, l, a;
    c.getHslF(&h, &s, &l, &a);
    // Lightness is monotonic in luminance for a fixed hue and saturation:
    // bisect it between the colour and the far end (black or white).
    float lo = l, hi = darken ? 0.0f : 1.0f;
    for (int i = 0; i < 24; ++i) {
        const float mid = (lo + hi) / 2;
        if (contrastRatio(QColor::fromHslF(h, s, mid), ground) >= ratio)
            hi = mid;
        else
            lo = mid;
    }
    return QColor::fromHslF(h, s, hi).toRgb();
}

QColor TaskColors::withLuminance(const QColor& c, double target)
{
    float h, s, l, a;
    c.getHslF(&h, &s, &l, &a);
    float lo = 0.0f, hi = 1.0f;
    for (int i = 0; i < 24; ++i) {
        const float mid = (lo + hi) / 2;
        if (luminance(QColor::fromHslF(h, s, mid)) < target)
            lo = mid;
        else
            hi = mid;
    }
    return QColor::fromHslF(h, s, (lo + hi) / 2).toRgb();
}

QColor TaskColors::adapted(TaskId task, double ratio) const
{
    // Every colour's luminance is mapped linearly into the band that meets
    // `ratio` on the ground. Clamping each colour to the band's edge instead
    // would flatten the lightness differences that tell the hues apart for
    // colour-blind viewers (orange and yellow would become one olive).
    const double ground = luminance(m_ground);
    const bool darkGround = ground < 0.18;
    const double margin = 0.004; // keeps rounding to 8-bit channels inside the band
    const double lo = darkGround ? ratio * (ground + 0.05) - 0.05 + margin : 0.012;
    const double hi = darkGround ? 0.92 : (ground + 0.05) / ratio - 0.05 - margin;
    const double y = luminance(identity(task));
    // Quantised to 8 bits a channel: exactly the colour that reaches the screen.
    return QColor(withContrast(withLuminance(identity(task), lo + y * (hi - lo)), m_ground, ratio).rgb());
}

QColor TaskColors::fill(TaskId task) const
{
    return task < kCached ? entry(task).fill : adapted(task, fillContrast());
}

QColor TaskColors::ink(TaskId task) const
{
    return task < kCached ? entry(task).ink : adapted(task, inkContrast());
}

QColor TaskColors::tint(TaskId task) const
{
    const double alpha = m_kind == ThemeKind::Light ? 0.16 : 0.24;
    return QColor(blend(fill(task), m_ground, alpha).rgb());
}

QColor TaskColors::onFill(TaskId task) const
{
    const QColor f = fill(task);
    return contrastRatio(f, Qt::black) >= contrastRatio(f, Qt::white) ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace coroscope
