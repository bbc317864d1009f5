#pragma once
// TaskColors: one colour per task id, the same in every pane. The first
// seven tasks get the Okabe-Ito palette, designed to stay distinguishable
// under the common colour-vision deficiencies; later ids walk the hue circle
// by the golden angle. Every colour's luminance is then mapped into the band
// that meets a WCAG contrast ratio on the theme's ground, keeping the
// lightness order between colours, so text and chips stay readable and
// distinct on light, dark and high-contrast themes alike.

#include "app/gui/theme/ThemeColors.h"
#include "core/trace/Event.h"

#include <QColor>

#include <optional>
#include <vector>

namespace coroscope {

class TaskColors {
public:
    /// Colours for the light theme.
    TaskColors();
    explicit TaskColors(const ThemeColors& theme);

    void setTheme(const ThemeColors& theme);
    ThemeKind theme() const { return m_kind; }

    /// The task's identity colour for chips, bars and timeline segments;
    /// contrast against the ground is at least fillContrast().
    QColor fill(TaskId task) const;
    /// The task's colour for text on the ground; contrast at least inkContrast().
    QColor ink(TaskId task) const;
    /// A quiet opaque background for a line that belongs to the task.
    QColor tint(TaskId task) const;
    /// Black or white, whichever reads better on fill(task).
    QColor onFill(TaskId task) const;
    /// The ground the colours were adjusted against.
    QColor ground() const { return m_ground; }

    double fillContrast() const;
    double inkContrast() const;

    /// The hue before adjustment: 0 is the loop (neutral grey), 1.. are tasks.
    static QColor identity(TaskId task);
    /// WCAG 2 contrast ratio, from 1 (same luminance) to 21 (black on white).
    static double contrastRatio(const QColor& a, const QColor& b);
    /// `c` made lighter or darker (hue kept) until it reaches `ratio` on `ground`.
    static QColor withContrast(const QColor& c, const QColor& ground, double ratio);

    /// `c` with its HSL lightness moved until its relative luminance is `target`.
    static QColor withLuminance(const QColor& c, double target);

private:
    /// A task's adapted colours, computed once per theme.
    struct Entry {
        QColor fill;
        QColor ink;
    };

    QColor adapted(TaskId task, double ratio) const;
    const Entry& entry(TaskId task) const;

    ThemeKind m_kind = ThemeKind::Light;
    QColor m_ground;
    /// Ids below kCached are remembered: adapting a colour bisects the
    /// lightness, too slow to redo for every chip of every frame.
    static constexpr TaskId kCached = 4096;
    mutable std::vector<std::optional<Entry>> m_cache;
};

} // namespace coroscope
