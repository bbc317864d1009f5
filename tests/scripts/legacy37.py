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
- asyncio.get_event_loop() outside a coroutine: unchanged. CPython 3.11.2
  prints nothing for it; Coroscope records its Deprecated warning in the
  trace only.

Everything lives inside one function: the golden bootstrap clears the
__main__ namespace this source runs in before it runs the program.
"""


def _install_legacy37():
    import asyncio
    import types
    import warnings

    coroutine_warning = '"@coroutine" decorator is deprecated since Python 3.8, use "async def" instead'
    wait_warning = ("The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python 3.8, "
                    "and scheduled for removal in Python 3.11; wrap them in tasks with asyncio.create_task() first")
    modern_wait = asyncio.wait

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

    asyncio.coroutine = coroutine
    asyncio.wait = wait


_install_legacy37()
