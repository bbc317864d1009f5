#include "lessons/loader/Checkpoint.h"

namespace coroscope::lessons {

std::string_view toString(CheckpointKind kind)
{
    switch (kind) {
    case CheckpointKind::NextOutput: return "next-output";
    case CheckpointKind::NextTask: return "next-task";
    case CheckpointKind::ReadyQueue: return "ready-queue";
    }
    return "?";
}

std::optional<CheckpointKind> checkpointKindFromString(std::string_view name)
{
    for (CheckpointKind kind : {CheckpointKind::NextOutput, CheckpointKind::NextTask, CheckpointKind::ReadyQueue}) {
        if (toString(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace coroscope::lessons
