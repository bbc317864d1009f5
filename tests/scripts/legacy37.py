"""Python 3.7's legacy asyncio forms for CPython 3.11, as Coroscope runs them.

CPython 3.11 removed @asyncio.coroutine and refuses coroutine objects in
asyncio.wait(). Coroscope keeps both working as Python 3.7 did and prints a
DeprecationWarning naming the modern form (docs/ARCHITECTURE.md, "Legacy
asyncio forms"). Executed before a program, this shim gives CPython 3.11 the
same two forms with the same warnings, so the expected output of a legacy
program still comes from the reference interpreter
(lessons/regen_expected.py).

- asyncio.coroutine(func): the DeprecationWarning at the decoration, then
  types.coroutine(func) (a generator-based coroutine that `yield from` and
  `await` both drive; 3.11's ensure_future still accepts generators).
- asyncio.wait(fs, ...): the DeprecationWarning at the call when fs holds a
  coroutine object; the returned coroutine wraps the coroutines in tasks, in
  the order given, on the loop that runs it (Python 3.7 took them from a set,
  in an undefined order; Coroscope and this shim keep the list's order).
- a loop made implicitly outside a coroutine (asyncio.get_event_loop(),
  ensure_future(), Future()... with no loop set): the DeprecationWarning at
  the program's call, as CPython 3.10.0-3.10.8 and 3.12 print it, naming the
  modern form (CPython 3.11.2 is silent), then the loop as before.

Everything lives inside one function: the golden bootstrap clears the
__main__ namespace this source runs in before it runs the program.
"""


def _install_legacy37():
    import asyncio
    import os
    import sys
    import threading
    import types
    import warnings

    coroutine_warning = '"@coroutine" decorator is deprecated since Python 3.8, use "async def" instead'
    wait_warning = ("The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python 3.8, "
                    "and scheduled for removal in Python 3.11; wrap them in tasks with asyncio.create_task() first")
    get_event_loop_warning = ("There is no current event loop: asyncio.get_event_loop() outside a coroutine is "
                              "deprecated since Python 3.10; use asyncio.run(main()) instead")
    modern_wait = asyncio.wait
    modern_get_event_loop = asyncio.events.BaseDefaultEventLoopPolicy.get_event_loop
    asyncio_dir = os.path.dirname(asyncio.__file__) + os.sep

    def coroutine(func):
        warnings.warn(coroutine_warning, DeprecationWarning, stacklevel=2)
        if asyncio.iscoroutinefunction(func):
            return func
        return types.coroutine(func)

    def wait(fs, *, timeout=None, return_when=asyncio.ALL_COMPLETED):
        fs = list(fs)
        if any(asyncio.iscoroutine(f) for f in fs):
            warnings.warn(wait_warning, DeprecationWarning, stacklevel=2)

        async def wait():
            loop = asyncio.get_running_loop()
            futures = []
            for f in fs:
                future = asyncio.ensure_future(f, loop=loop)
                if future not in futures:
                    futures.append(future)
            return await modern_wait(futures, timeout=timeout, return_when=return_when)

        return wait()

    def get_event_loop(policy):
        local = policy._local
        if local._loop is None and not local._set_called and threading.current_thread() is threading.main_thread():
            # Warn at the program's line: the first frame outside asyncio.
            level, frame = 2, sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.startswith(asyncio_dir):
                level, frame = level + 1, frame.f_back
            warnings.warn(get_event_loop_warning, DeprecationWarning, stacklevel=level)
        return modern_get_event_loop(policy)

    asyncio.coroutine = coroutine
    asyncio.events.BaseDefaultEventLoopPolicy.get_event_loop = get_event_loop
    asyncio.wait = wait


_install_legacy37()
