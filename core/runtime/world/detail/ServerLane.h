#pragma once
// ServerLane: one host's server, a native C++20 co::Task traced as a
// TaskKind::Server task named after the host. The Network drives it directly
// (it is not an asyncio Task: asyncio.all_tasks() never lists it and it never
// keeps a run alive). It waits on WaitKind::Io while no request is queued and
// serves requests in arrival order; serving takes no virtual time.
//
// Lifetime: owned by its Network (shared so that the loop's pending wake-up
// callbacks can hold it weakly); destroying it destroys the suspended body.

#include "core/runtime/loop/Future.h"
#include "core/runtime/native/CoTask.h"
#include "core/runtime/world/Network.h"

#include <deque>
#include <memory>
#include <string>

namespace coroscope::detail {

class ServerLane : public std::enable_shared_from_this<ServerLane> {
public:
    /// Allocates the lane's task id and traces its creation (Server, waiting on Io).
    ServerLane(Network& network, std::string host);
    ~ServerLane();
    ServerLane(const ServerLane&) = delete;
    ServerLane& operator=(const ServerLane&) = delete;

    TaskId id() const { return m_id; }
    const std::string& host() const { return m_host; }
    /// Queues a request; the lane serves it in a later loop pass.
    void push(Network::Job job);

private:
    co::Task<void> body();
    /// One resumption of the body, traced as a switch into the lane and back.
    void step();
    void emitState(TaskState state, WaitKind wait);

    Network& m_network;
    EventLoop& m_loop;
    std::string m_host;
    TaskId m_id;
    std::deque<Network::Job> m_jobs;
    Ref<Future<void>> m_wake;             ///< what the idle body awaits; resolved by push()
    ValueCoroutine<void>* m_coro = nullptr;
    bool m_started = false;
    bool m_stepScheduled = false;
};

} // namespace coroscope::detail
