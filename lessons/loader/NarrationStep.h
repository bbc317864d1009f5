#pragma once
// NarrationStep: what the narration pane says when the run reaches an anchor.

#include "lessons/loader/Anchor.h"
#include "lessons/loader/LocalizedText.h"

namespace coroscope::lessons {

struct NarrationStep {
    int program = 0;    ///< index into Lesson::programs of the run this step belongs to
    Anchor anchor;      ///< where it is shown: right after the anchored event (stop position index + 1)
    LocalizedText text; ///< what the runtime is doing here and why

    bool operator==(const NarrationStep&) const = default;
};

} // namespace coroscope::lessons
