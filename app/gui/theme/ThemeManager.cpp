#include "app/gui/theme/ThemeManager.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>
#include <QStyleFactory>
#include <QToolTip>

#include <algorithm>

namespace coroscope {

ThemeManager::ThemeManager(QObject* parent)
    : QObject(parent)
    , m_colors(ThemeColors::forTheme(ThemeKind::Light))
    , m_taskColors(m_colors)
    , m_baseFont(QApplication::font())
{
    // Fusion draws everything from the palette, so the three themes look
    // the same on every desktop.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
            QApplication::setStyle(fusion);
    }
    applyPalette();
}

ThemeManager::~ThemeManager()
{
    if (m_scale != 1.0) {
        m_scale = 1.0;
        applyFont();
    }
}

QFont ThemeManager::monospaceFont()
{
    QFont f;
    // Noto's monospaced CJK face first: its ideographs are exactly two
    // columns wide and every line has the same height whatever script it
    // holds. Elsewhere the programmer's fonts take over.
    f.setFamilies({QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("DejaVu Sans Mono"),
                   QStringLiteral("Noto Sans Mono"), QStringLiteral("Noto Sans CJK SC"),
                   QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
    f.setStyleHint(QFont::Monospace, QFont::PreferAntialias);
    f.setFixedPitch(true);
    return f;
}

QString ThemeManager::themeName(ThemeKind kind)
{
    switch (kind) {
    case ThemeKind::Light: return QStringLiteral("light");
    case ThemeKind::Dark: return QStringLiteral("dark");
    case ThemeKind::HighContrast: return QStringLiteral("high-contrast");
    }
    return QStringLiteral("light");
}

ThemeKind ThemeManager::themeFromName(const QString& name, ThemeKind fallback)
{
    for (ThemeKind k : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast}) {
        if (themeName(k) == name)
            return k;
    }
    return fallback;
}

void ThemeManager::setTheme(ThemeKind kind)
{
    if (kind == m_colors.kind)
        return;
    m_colors = ThemeColors::forTheme(kind);
    m_taskColors.setTheme(m_colors);
    applyPalette();
    emit themeChanged(kind);
}

void ThemeManager::setFontScale(double scale)
{
    scale = std::clamp(scale, kMinScale, kMaxScale);
    if (scale == m_scale)
        return;
    m_scale = scale;
    applyFont();
    emit fontScaleChanged(scale);
}

void ThemeManager::applyPalette()
{
    const QPalette palette = m_colors.palette();
    QApplication::setPalette(palette);
    QToolTip::setPalette(palette);
    qApp->setStyleSheet(styleSheet());
}

QString ThemeManager::styleSheet() const
{
    QString sheet = m_colors.styleSheet();
    // With an application style sheet in place QApplication::setFont() no
    // longer reaches the widgets; the scaled size has to be in the sheet.
    if (m_scale != 1.0)
        sheet += QStringLiteral("*, QDockWidget::title { font-size: %1pt; }").arg(scaledFont().pointSizeF(), 0, 'f', 1);
    return sheet;
}

QFont ThemeManager::scaledFont() const
{
    QFont f = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        f.setPointSizeF(m_baseFont.pointSizeF() * m_scale);
    else
        f.setPixelSize(std::max(1, int(m_baseFont.pixelSize() * m_scale + 0.5)));
    return f;
}

void ThemeManager::applyFont()
{
    // Only the style sheet carries the scale. QApplication::setFont() would
    // not reach widgets under a style sheet anyway, and keeping the
    // application font at 100 % lets dock titles (which compare their font
    // with it) paint at the scaled size too.
    qApp->setStyleSheet(styleSheet());
}

} // namespace coroscope
