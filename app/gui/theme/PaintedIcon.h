#pragma once
// PaintedIcon: the app's icons, drawn with QPainter at whatever size and
// device pixel ratio is asked for (crisp on a 4K projector), in the current
// palette's button-text colour (right in light, dark and high contrast).

#include <QIcon>

namespace coroscope {

enum class IconGlyph {
    Reset,     ///< |<< back to the start
    StepBack,  ///< |<  one step back
    Play,      ///< >
    Pause,     ///< ||
    Step,      ///< >|  one step
    RunToEnd,  ///< >>| to the end
    Faster,
    Slower,
    Open,      ///< a folder
    Revert,    ///< an arrow turning back
    Presenter, ///< a projection screen
    Audience,  ///< two screens
    Pen,
    Spotlight,
    Clear,     ///< an eraser cross
    Blank,     ///< a dark screen
    Layout,    ///< panes in a window
    Theme,     ///< a half-filled circle
    Language,  ///< a globe
};

/// An icon that repaints itself for every size, mode and theme.
QIcon paintedIcon(IconGlyph glyph);

} // namespace coroscope
