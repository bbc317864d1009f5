#pragma once
// Task<T>: asyncio.Task — a Future<T> whose result comes from driving a
// coroutine (TaskBase holds the step). Creating a task schedules its first
// step with call_soon; it never runs inline.

#include "core/runtime/loop/Coroutine.h"
#include "core/runtime/loop/Future.h"
#include "core/runtime/loop/TaskBase.h"

#include <string>
#include <utility>

namespace coroscope {

template <class T>
class Task final : public Future<T>, public TaskBase {
public:
    /// loop.create_task(coro, name=...): takes ownership of `coro`. An empty
    /// name means "Task-N" from the loop's counter.
    static Ref<Task> create(EventLoop& loop, ValueCoroutine<T>* coro, std::string name = {})
    {
        loop.checkClosed();
        const TaskId id = loop.context().nextTaskId++;
        return Ref<Task>(new Task(loop, coro, std::move(name), id));
    }

    using FutureBase::cancelled;
    using FutureBase::done;
    using FutureBase::loop;
    using FutureBase::ref;
    using FutureBase::unref;

    /// Task.cancel (not Future.cancel): see TaskBase::cancel.
    bool cancel(const std::string& msg = {}) override { return TaskBase::cancel(msg); }
    TaskBase* asTask() override { return this; }

private:
    Task(EventLoop& loop, ValueCoroutine<T>* coro, std::string name, TaskId id)
        : Future<T>(loop, FutureKind::Task)
        , TaskBase(static_cast<FutureBase&>(*this), coro, id, std::move(name))
        , m_typed(coro)
    {
    }

    void finishFromCoroutine() override
    {
        if constexpr (std::is_void_v<T>) {
            m_typed->takeResult();
            this->finishWithValue();
        } else {
            this->finishWithValue(m_typed->takeResult());
        }
    }

    ValueCoroutine<T>* m_typed; ///< the same object as coroutine(), typed
};

/// A counted reference to a task of any result type.
using TaskRef = Ref<TaskBase>;

} // namespace coroscope
