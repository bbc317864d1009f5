#pragma once
// The panes of the main window (DESIGN.md section 4).

#include <array>
#include <cstdint>

namespace coroscope {

enum class PaneId : std::uint8_t {
    Code,       ///< the editor; the central widget
    Lessons,    ///< the lesson browser
    LoopView,   ///< the event loop: running slot, ready queue, waiting area
    Timeline,   ///< a Gantt lane per task over virtual time
    Console,    ///< program output coloured by task
    Inspector,  ///< the selected task in detail
    Narration,  ///< the lesson's text for this step; the presenter's notes
    Greenlets,  ///< stackful coroutines: a machine stack per greenlet
    Generators, ///< stackless coroutines frozen at their yield / await
};

/// Every pane, in the order menus list them.
inline constexpr std::array<PaneId, 9> kAllPanes{
    PaneId::Code,     PaneId::Lessons, PaneId::LoopView,  PaneId::Greenlets, PaneId::Generators,
    PaneId::Timeline, PaneId::Console, PaneId::Inspector, PaneId::Narration,
};

} // namespace coroscope
