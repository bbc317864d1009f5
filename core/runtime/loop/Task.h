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
    /// name means "Task-N", N = `number` or, when 0, the loop's counter.
    static Ref<Task> create(EventLoop& loop, ValueCoroutine<T>* coro, std::string name = {}, std::uint32_t number = 0)
    {
        loop.checkClosed();
        const TaskId id = loop.context().nextTaskId++;
        return Ref<Task>(new Task(loop, coro, std::move(name), id, number));
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
    Task(EventLoop& loop, ValueCoroutine<T>* coro, std::string name, TaskId id, std::uint32_t number)
        : Future<T>(loop, FutureKind::Task)
        , TaskBase(static_cast<FutureBase&>(*this), coro, id, std::move(name), number)
    {
    }

    void finishFromCoroutine() override
    {
        // The coroutine is the ValueCoroutine<T> create() was given.
        auto* typed = static_cast<ValueCoroutine<T>*>(coroutine());
        if constexpr (std::is_void_v<T>) {
            typed->takeResult();
            this->finishWithValue();
        } else {
            this->finishWithValue(typed->takeResult());
        }
    }
};

/// A counted reference to a task of any result type.
using TaskRef = Ref<TaskBase>;

} // namespace coroscope
