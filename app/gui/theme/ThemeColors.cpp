#include "app/gui/theme/ThemeColors.h"

namespace coroscope {

namespace {

ThemeColors light()
{
    ThemeColors c;
    c.kind = ThemeKind::Light;
    c.window = QColor(0xf2, 0xf3, 0xf5);
    c.base = QColor(0xff, 0xff, 0xff);
    c.alternateBase = QColor(0xf6, 0xf8, 0xfa);
    c.text = QColor(0x1f, 0x23, 0x28);
    c.mutedText = QColor(0x65, 0x6d, 0x76);
    c.button = QColor(0xe9, 0xeb, 0xee);
    c.highlight = QColor(0x1f, 0x6f, 0xeb);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.border = QColor(0xd0, 0xd7, 0xde);
    c.link = QColor(0x09, 0x69, 0xda);
    c.gutter = QColor(0xf6, 0xf8, 0xfa);
    c.error = QColor(0xcf, 0x22, 0x2e);
    c.stderrInk = QColor(0xb3, 0x1d, 0x28);
    c.stderrBack = QColor(0xff, 0xeb, 0xe9);
    c.warningInk = QColor(0x6b, 0x43, 0x00);
    c.warningBack = QColor(0xff, 0xf3, 0xcd);
    c.syntax = {
        .keyword = QColor(0x8a, 0x2b, 0xb9),
        .coroutineKeyword = QColor(0xc2, 0x18, 0x5b),
        .builtin = QColor(0x00, 0x5c, 0xc5),
        .constant = QColor(0x00, 0x55, 0x9e),
        .string = QColor(0x0a, 0x7a, 0x3c),
        .interpolation = QColor(0x95, 0x38, 0x00),
        .number = QColor(0x0a, 0x5d, 0x8f),
        .comment = QColor(0x6e, 0x77, 0x81),
        .decorator = QColor(0x11, 0x6d, 0x7a),
        .definition = QColor(0x62, 0x39, 0xc6),
    };
    return c;
}

ThemeColors dark()
{
    ThemeColors c;
    c.kind = ThemeKind::Dark;
    c.window = QColor(0x25, 0x27, 0x2b);
    c.base = QColor(0x1b, 0x1d, 0x21);
    c.alternateBase = QColor(0x22, 0x25, 0x2a);
    c.text = QColor(0xe3, 0xe6, 0xea);
    c.mutedText = QColor(0x9a, 0xa3, 0xad);
    c.button = QColor(0x32, 0x35, 0x3b);
    c.highlight = QColor(0x3d, 0x7e, 0xf0);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.border = QColor(0x3d, 0x41, 0x48);
    c.link = QColor(0x6c, 0xb6, 0xff);
    c.gutter = QColor(0x20, 0x22, 0x26);
    c.error = QColor(0xff, 0x6b, 0x6b);
    c.stderrInk = QColor(0xff, 0x8a, 0x80);
    c.stderrBack = QColor(0x3a, 0x1d, 0x1f);
    c.warningInk = QColor(0xff, 0xd7, 0x7a);
    c.warningBack = QColor(0x3b, 0x31, 0x18);
    c.syntax = {
        .keyword = QColor(0xd2, 0xa8, 0xff),
        .coroutineKeyword = QColor(0xff, 0x7b, 0xac),
        .builtin = QColor(0x79, 0xc0, 0xff),
        .constant = QColor(0x79, 0xc0, 0xff),
        .string = QColor(0x9c, 0xdc, 0x8c),
        .interpolation = QColor(0xff, 0xc0, 0x7a),
        .number = QColor(0x8e, 0xd0, 0xe8),
        .comment = QColor(0x8b, 0x94, 0x9e),
        .decorator = QColor(0x56, 0xd4, 0xdd),
        .definition = QColor(0xdc, 0xc6, 0xff),
    };
    return c;
}

ThemeColors highContrast()
{
    ThemeColors c;
    c.kind = ThemeKind::HighContrast;
    c.window = QColor(0x00, 0x00, 0x00);
    c.base = QColor(0x00, 0x00, 0x00);
    c.alternateBase = QColor(0x12, 0x12, 0x12);
    c.text = QColor(0xff, 0xff, 0xff);
    c.mutedText = QColor(0xd0, 0xd0, 0xd0);
    c.button = QColor(0x1a, 0x1a, 0x1a);
    c.highlight = QColor(0xff, 0xe0, 0x00);
    c.highlightedText = QColor(0x00, 0x00, 0x00);
    c.border = QColor(0xff, 0xff, 0xff);
    c.link = QColor(0x7f, 0xd4, 0xff);
    c.gutter = QColor(0x0a, 0x0a, 0x0a);
    c.error = QColor(0xff, 0x55, 0x55);
    c.stderrInk = QColor(0xff, 0x80, 0x80);
    c.stderrBack = QColor(0x30, 0x00, 0x00);
    c.warningInk = QColor(0xff, 0xff, 0x00);
    c.warningBack = QColor(0x00, 0x00, 0x00);
    c.syntax = {
        .keyword = QColor(0xff, 0xa6, 0xff),
        .coroutineKeyword = QColor(0xff, 0xe0, 0x00),
        .builtin = QColor(0x80, 0xe0, 0xff),
        .constant = QColor(0x80, 0xe0, 0xff),
        .string = QColor(0x80, 0xff, 0x80),
        .interpolation = QColor(0xff, 0xc0, 0x60),
        .number = QColor(0x80, 0xe0, 0xff),
        .comment = QColor(0xc0, 0xc0, 0xc0),
        .decorator = QColor(0x40, 0xff, 0xe0),
        .definition = QColor(0xff, 0xff, 0xff),
    };
    return c;
}

} // namespace

ThemeColors ThemeColors::forTheme(ThemeKind kind)
{
    switch (kind) {
    case ThemeKind::Light: return light();
    case ThemeKind::Dark: return dark();
    case ThemeKind::HighContrast: return highContrast();
    }
    return light();
}

QPalette ThemeColors::palette() const
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternateBase);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, mutedText);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, error);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, highlightedText);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, link);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, button.lighter(130));
    p.setColor(QPalette::Midlight, button.lighter(115));
    p.setColor(QPalette::Mid, border);
    p.setColor(QPalette::Dark, border.darker(130));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    // Disabled controls keep their shape but fade into the ground.
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, mutedText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, border);
    return p;
}

QString ThemeColors::styleSheet() const
{
    const bool hc = kind == ThemeKind::HighContrast;
    const QString borderWidth = hc ? QStringLiteral("2px") : QStringLiteral("1px");
    return QStringLiteral(
               "QMainWindow::separator { background: %1; width: %5; height: %5; }"
               "QDockWidget::title { background: %2; padding: 5px 8px; text-align: left;"
               " border-bottom: %5 solid %1; }"
               "QToolBar { background: %2; border: none; border-bottom: %5 solid %1;"
               " spacing: 3px; padding: 3px 6px; }"
               "QToolBar::separator { background: %1; width: 1px; margin: 4px 6px; }"
               "QToolButton { border: 1px solid transparent; border-radius: 5px; padding: 3px; }"
               "QToolButton:hover { border-color: %1; background: %3; }"
               "QToolButton:checked { border-color: %4; }"
               "QStatusBar { background: %2; }")
        .arg(border.name(), window.name(), button.name(), highlight.name(), borderWidth);
}

} // namespace coroscope
