"""CPython stand-in for Coroscope's uvicorn.run, for deriving the expected
output of the lesson programs. Same semantics as
core/script/modules/services/FastapiModule.cpp: serves the world's
simulated clients on a fresh event loop and returns once every request is
answered. A request reaches the app at its client's time (`at`, then every
`every` seconds, `repeat` times; without clients, each route once at 0 s).
`async def` endpoints run as tasks on the loop, plain `def` endpoints on a
40-worker thread pool ("AnyIO worker thread"). Log lines go to stderr.
"""

import asyncio
import concurrent.futures
import functools
import inspect
import json
import sys

from _services_world import clients

_REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"}


def _log(line):
    print("INFO:     " + line, file=sys.stderr, flush=True)


def _match(pattern, path):
    want = [s for s in pattern.split("/") if s]
    got = [s for s in path.split("/") if s]
    if len(want) != len(got):
        return None
    params = {}
    for w, g in zip(want, got):
        if len(w) > 2 and w[0] == "{" and w[-1] == "}":
            params[w[1:-1]] = g
        elif w != g:
            return None
    return params


def _resolve(app):
    if not isinstance(app, str):
        return app
    module, _, attr = app.partition(":")
    main = sys.modules["__main__"]
    if hasattr(main, attr):
        return getattr(main, attr)
    print(f'ERROR:    Error loading ASGI app. Attribute "{attr}" not found in module "{module}".', file=sys.stderr)
    raise SystemExit(1)


async def _serve(app, requests):
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(40, thread_name_prefix="AnyIO worker thread")
    done = loop.create_future()
    pending = [len(requests)]

    def respond(client, method, path, status):
        _log(f'{client} - "{method} {path} HTTP/1.1" {status} {_REASONS.get(status, "")}')
        pending[0] -= 1
        if pending[0] == 0 and not done.done():
            done.set_result(None)

    def finished(client, method, path, future):
        if future.cancelled() or future.exception() is not None:
            print("ERROR:    Exception in ASGI application", file=sys.stderr)
            respond(client, method, path, 500)
            return
        json.dumps(future.result(), ensure_ascii=False, separators=(",", ":"))
        respond(client, method, path, 200)

    def dispatch(client, method, path):
        route, known = None, False
        for m, pattern, endpoint in app.routes:
            params = _match(pattern, path.split("?")[0])
            if params is None:
                continue
            known = True
            if m == method:
                route = (endpoint, params)
                break
        if route is None:
            respond(client, method, path, 405 if known else 404)
            return
        endpoint, params = route
        if inspect.iscoroutinefunction(endpoint):
            future = asyncio.ensure_future(endpoint(**params))
        else:
            future = loop.run_in_executor(pool, functools.partial(endpoint, **params))
        future.add_done_callback(functools.partial(finished, client, method, path))

    for client, method, path, at in requests:
        loop.call_later(at, dispatch, client, method, path)
    if requests:
        await done
    pool.shutdown(wait=True)


def run(app, host="127.0.0.1", port=8000, **settings):
    app = _resolve(app)
    requests = []
    for c in clients():
        for k in range(max(c.get("repeat", 1), 1)):
            requests.append((c.get("name", ""), c.get("method", "GET"), c.get("path", "/"),
                             c.get("at", 0) + k * c.get("every", 0)))
    if not clients():
        requests = [("client", m, p, 0) for m, p, _ in app.routes]
    _log("Started server process")
    _log("Waiting for application startup.")
    _log("Application startup complete.")
    _log(f"Uvicorn running on http://{host}:{port} (Press CTRL+C to quit)")
    asyncio.run(_serve(app, requests))
    _log("Shutting down")
    _log("Waiting for application shutdown.")
    _log("Application shutdown complete.")
    _log("Finished server process")
