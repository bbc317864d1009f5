#pragma once
// ThemeColors: every colour a theme defines, in one value, so panes never
// hard-code a colour and all of them change together.

#include "app/gui/theme/ThemeKind.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace coroscope {

struct ThemeColors {
    /// Token colours for the Python highlighter.
    struct Syntax {
        QColor keyword;          ///< def, if, return, import...
        QColor coroutineKeyword; ///< async, await, yield: the subject of the app, emphasised
        QColor builtin;          ///< print, len, range...
        QColor constant;         ///< True, False, None, self, cls
        QColor string;
        QColor interpolation;    ///< the {expr} parts of f-strings
        QColor number;
        QColor comment;
        QColor decorator;
        QColor definition;       ///< the name after def / class
    };

    ThemeKind kind = ThemeKind::Light;
    QColor window;        ///< chrome: toolbars, dock titles
    QColor base;          ///< panes' ground: editor, console
    QColor alternateBase;
    QColor text;
    QColor mutedText;     ///< hints, empty states, line numbers
    QColor button;
    QColor highlight;
    QColor highlightedText;
    QColor border;
    QColor link;
    QColor gutter;        ///< the editor's line-number gutter
    QColor error;         ///< syntax-error underline and marker
    QColor stderrInk;     ///< console text written to stderr
    QColor stderrBack;    ///< console background behind stderr text
    QColor warningInk;    ///< text of the warnings banner
    QColor warningBack;   ///< ground of the warnings banner
    Syntax syntax;

    static ThemeColors forTheme(ThemeKind kind);
    /// A palette for the Fusion style built from these colours.
    QPalette palette() const;
    /// The small stylesheet that the palette cannot express.
    QString styleSheet() const;
};

} // namespace coroscope
