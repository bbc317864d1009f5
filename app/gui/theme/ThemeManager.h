#pragma once
// ThemeManager: applies a theme (palette + stylesheet) and a type scale to
// the application, and tells the panes that paint themselves. The presenter
// mode drives it too: high contrast and 150-250 % type.

#include "app/gui/theme/TaskColors.h"
#include "app/gui/theme/ThemeColors.h"

#include <QFont>
#include <QObject>

namespace coroscope {

class ThemeManager : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinScale = 0.75;
    static constexpr double kMaxScale = 3.0;

    /// Captures the application font as the 100 % size.
    explicit ThemeManager(QObject* parent = nullptr);
    /// Puts the type back to its 100 % size.
    ~ThemeManager() override;

    ThemeKind theme() const { return m_colors.kind; }
    const ThemeColors& colors() const { return m_colors; }
    const TaskColors& taskColors() const { return m_taskColors; }
    double fontScale() const { return m_scale; }
    /// The application font at 100 %.
    QFont baseFont() const { return m_baseFont; }
    /// The application font at the current scale.
    QFont scaledFont() const;
    /// The application style sheet: the theme's, plus the scaled type size.
    QString styleSheet() const;

    /// A fixed-pitch font whose fallback chain covers Chinese, at the
    /// application's current size (the size is not set, so it follows).
    static QFont monospaceFont();

    static QString themeName(ThemeKind kind);
    static ThemeKind themeFromName(const QString& name, ThemeKind fallback = ThemeKind::Light);

public slots:
    void setTheme(coroscope::ThemeKind kind);
    /// 1.0 = normal; clamped to [kMinScale, kMaxScale].
    void setFontScale(double scale);

signals:
    void themeChanged(coroscope::ThemeKind kind);
    void fontScaleChanged(double scale);

private:
    void applyPalette();
    void applyFont();

    ThemeColors m_colors;
    TaskColors m_taskColors;
    QFont m_baseFont;
    double m_scale = 1.0;
};

} // namespace coroscope
