#pragma once
// ViewStyle: everything a view's layout and painter need to know about the
// look: the theme's colours, one colour per task (TaskColors), the colour of
// each activity, the fonts, and the size unit every metric derives from.
// The unit follows the font and the presenter scale, so a view laid out at
// scale 2 is the same picture at twice the size.

#include "app/gui/theme/TaskColors.h"
#include "app/gui/theme/ThemeColors.h"
#include "core/trace/Model.h"

#include <QFont>

#include <memory>

namespace coroscope {

class ViewStyle {
public:
    /// Light theme, the application font, scale 1.
    ViewStyle();
    /// `base` is the font at 100 %; `scale` multiplies fonts and sizes
    /// (presenter mode uses 1.5-2.5).
    ViewStyle(const ThemeColors& theme, const QFont& base, double scale = 1.0);
    static ViewStyle forTheme(ThemeKind kind, double scale = 1.0);
    /// The same style at `factor` times its scale (colours shared).
    ViewStyle scaledBy(double factor) const;

    const ThemeColors& theme() const { return m_theme; }
    const TaskColors& tasks() const { return m_tasks; }
    double scale() const { return m_scale; }
    QFont baseFont() const { return m_base; }

    /// The base size unit in pixels: the line height of the scaled font.
    qreal unit() const { return m_unit; }
    /// A thin line's width (1 px at scale 1).
    qreal hairline() const { return m_scale < 1.25 ? 1.0 : m_scale; }
    /// The font at `relative` times the scaled base size.
    QFont font(qreal relative = 1.0, bool bold = false, bool mono = false) const;

    /// The colour of an activity on the timeline and in state badges.
    QColor activity(Activity a) const;
    /// Colour of a panel's ground and outline.
    QColor panel() const { return m_theme.alternateBase; }
    QColor panelBorder() const { return m_theme.border; }
    /// A greyed fill for what is finished or frozen (dead greenlets,
    /// suspended frames): the task's hue, faded towards the ground.
    QColor faded(const QColor& c, qreal amount = 0.55) const;

    /// Task colours, cached (TaskColors computes them on every call).
    QColor taskFill(TaskId task) const;
    QColor taskOnFill(TaskId task) const;
    QColor taskInk(TaskId task) const;

private:
    struct Cache;

    ThemeColors m_theme;
    TaskColors m_tasks;
    QFont m_base;
    QFont m_mono;
    double m_scale = 1.0;
    qreal m_unit = 16.0;
    std::shared_ptr<Cache> m_cache; ///< shared by copies; colours depend only on the theme
};

/// Mixes two colours: t = 0 gives `a`, 1 gives `b`.
QColor mixColors(const QColor& a, const QColor& b, qreal t);

} // namespace coroscope
