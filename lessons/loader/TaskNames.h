#pragma once
// TaskNames: how lessons name tasks: the name from the task's TaskCreated
// event ("Task-2", "n1", a greenlet's name), "task <id>" for an unnamed task
// and "the event loop" for id 0.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coroscope {
class Trace;
}

namespace coroscope::lessons {

class TaskNames {
public:
    /// Ids at or above this are corrupt (as core/trace/Model.h treats them) and stay unnamed.
    static constexpr std::uint32_t kMaxTaskId = 1u << 24;

    /// Names from the TaskCreated events among [0, end) of `trace`.
    TaskNames(const Trace& trace, std::size_t end);
    std::string name(std::uint32_t task) const;

private:
    std::vector<std::string> m_names; ///< by task id; empty: unnamed or unseen
};

} // namespace coroscope::lessons
