#include "lessons/loader/TaskNames.h"

#include "core/trace/Trace.h"

#include <algorithm>

namespace coroscope::lessons {

TaskNames::TaskNames(const Trace& trace, std::size_t end)
{
    end = std::min(end, trace.size());
    for (std::size_t i = 0; i < end; ++i) {
        const Event& e = trace[i];
        if (e.kind != EventKind::TaskCreated || e.subject >= kMaxTaskId)
            continue;
        if (e.subject >= m_names.size())
            m_names.resize(std::size_t(e.subject) + 1);
        m_names[e.subject] = std::string(trace.text(e.v));
    }
}

std::string TaskNames::name(std::uint32_t task) const
{
    if (task == 0)
        return "the event loop";
    if (task < m_names.size() && !m_names[task].empty())
        return m_names[task];
    return "task " + std::to_string(task);
}

} // namespace coroscope::lessons
