#pragma once
// WhatIfResult: one finished comparison, what the comparison views draw:
// both runs digested, how each ended, and their differences. Immutable once
// made, so views share it.

#include "app/gui/run/RunRequest.h"
#include "app/gui/whatif/RunDigest.h"
#include "app/gui/whatif/WhatIfDiff.h"

namespace coroscope {

struct WhatIfResult {
    RunDigest original;
    RunDigest variant;
    RunResult originalRun; ///< how the original program's run ended
    RunResult variantRun;  ///< how the what-if's run ended
    WhatIfDiff diff;       ///< variant against original
};

} // namespace coroscope
