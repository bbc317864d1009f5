#pragma once
// Checkpoint: a question the player asks before the run goes on. The answer
// is never stored in the lesson: CheckpointAnswer reads it from the run.

#include "lessons/loader/Anchor.h"
#include "lessons/loader/LocalizedText.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace coroscope::lessons {

enum class CheckpointKind : std::uint8_t {
    NextOutput, ///< "next-output": which line does stdout print next?
    NextTask,   ///< "next-task": which task does control enter next?
    ReadyQueue, ///< "ready-queue": what is in the ready queue right now, front first?
};

std::string_view toString(CheckpointKind kind);
std::optional<CheckpointKind> checkpointKindFromString(std::string_view name);

struct Checkpoint {
    int program = 0;       ///< index into Lesson::programs of the run it belongs to
    CheckpointKind kind = CheckpointKind::NextOutput;
    Anchor anchor;         ///< the run pauses right after the anchored event
    LocalizedText prompt;  ///< the question
    LocalizedText explain; ///< optional: why the answer is what it is (both sides empty when absent)

    bool operator==(const Checkpoint&) const = default;
};

} // namespace coroscope::lessons
