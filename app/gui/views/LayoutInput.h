#pragma once
// LayoutInput: everything a view's layout function reads. Layout functions
// are pure: the same input gives the same Scene, so tests call them directly
// and stepping back to a position gives back exactly its picture.

#include "core/trace/Model.h"

#include <QSizeF>

namespace coroscope {

class Trace;
class ViewStyle;

struct LayoutInput {
    const Trace& trace;
    const Model& model;   ///< the state to draw
    const ViewStyle& style;
    QSizeF size;          ///< the picture's size in pixels
    TaskId selected = 0;  ///< the task the user picked
    bool hasSelection = false;
};

} // namespace coroscope
