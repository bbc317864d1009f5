#include "app/gui/views/detail/SwitchScan.h"

#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope {

bool SwitchScan::lastSwitch(const Trace& trace, std::size_t position, SwitchInfo& out)
{
    position = std::min(position, trace.size());
    const std::size_t stop = position > kMaxScan ? position - kMaxScan : 0;
    for (std::size_t i = position; i-- > stop;) {
        const Event& e = trace[i];
        if (e.kind == EventKind::Switch) {
            out = SwitchInfo{e.x, e.subject, SwitchWhy(e.a), i};
            return true;
        }
    }
    return false;
}

void SwitchScan::lastResumers(const Trace& trace, std::size_t position, std::unordered_map<TaskId, TaskId>& tasks)
{
    position = std::min(position, trace.size());
    const std::size_t stop = position > kMaxScan ? position - kMaxScan : 0;
    std::unordered_map<TaskId, TaskId> found;
    for (std::size_t i = position; i-- > stop && found.size() < tasks.size();) {
        const Event& e = trace[i];
        if (e.kind != EventKind::Switch || !tasks.count(e.subject) || found.count(e.subject))
            continue;
        found.emplace(e.subject, e.x);
    }
    tasks = std::move(found);
}

} // namespace coroscope
