#pragma once
// Running native coroutines on a loop: co::spawn wraps a co::Task in an
// asyncio Task (loop.create_task); co::run drives one to completion
// (loop.run_until_complete) and returns its result or throws its exception.

#include "core/runtime/loop/EventLoop.h"
#include "core/runtime/loop/Task.h"
#include "core/runtime/native/CoTask.h"

#include <string>
#include <utility>

namespace coroscope::co {

/// loop.create_task(coro, name=name): the task's first step is scheduled, not run.
template <class T>
Ref<coroscope::Task<T>> spawn(EventLoop& loop, Task<T> coro, std::string name = {})
{
    return coroscope::Task<T>::create(loop, coro.release(), std::move(name));
}

/// loop.run_until_complete(coro): runs the loop until the coroutine's task is done.
template <class T>
T run(EventLoop& loop, Task<T> coro)
{
    Ref<coroscope::Task<T>> task = spawn(loop, std::move(coro));
    loop.runUntilComplete(*task);
    if constexpr (std::is_void_v<T>)
        task->checkResult();
    else
        return task->takeValue();
}

} // namespace coroscope::co
