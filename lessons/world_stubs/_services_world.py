"""The simulated world as the service stand-ins (aioredis, aiomysql,
fastapi/uvicorn) see it under CPython, for lessons/regen_expected.py.

Mirrors core/script/modules/services (docs/LESSONS.md, "Service modules"):
a service round trip to host:port takes the world's latency for "host:port"
or "host" when it sets one, else "serviceLatency", else 0.001 s; the request
reaches the server after half of it, where the server's work happens, and
the reply arrives after the other half. A "refused" host fails at once with
ConnectionRefusedError, a "timeout" host after its latency with TimeoutError,
a "reset" host after its latency with ConnectionResetError.

The world comes from the environment: COROSCOPE_WORLD (the JSON text) or
COROSCOPE_WORLD_FILE (a path), else ./world.json, else every default.
"""

import asyncio
import json
import os

SERVICE_LATENCY = 0.001


def _load():
    text = os.environ.get("COROSCOPE_WORLD")
    if text:
        return json.loads(text)
    path = os.environ.get("COROSCOPE_WORLD_FILE") or "world.json"
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return {}


WORLD = _load()


def _entries(host, port):
    hosts = WORLD.get("hosts", {})
    return [hosts[key] for key in (host, f"{host}:{port}") if key in hosts]


def latency(host, port):
    seconds = WORLD.get("serviceLatency", SERVICE_LATENCY)
    for entry in _entries(host, port):
        if "latency" in entry:
            seconds = entry["latency"]
    return max(0.0, float(seconds))


def failure(host, port):
    found = None
    for entry in _entries(host, port):
        found = entry.get("error", found)
    return found


def clients():
    return WORLD.get("clients", [])


async def round_trip(host, port, serve=None, refused=None):
    """One round trip; `serve()` runs when the request reaches the server.
    `refused(kind)` makes the exception a failure raises (default: the
    socket errors asyncio raises)."""
    kind = failure(host, port)
    seconds = latency(host, port)
    if kind == "refused":
        await asyncio.sleep(0)
        raise refused(kind) if refused else ConnectionRefusedError(
            111, f"Connect call failed ('{host}', {port})")
    if kind == "timeout":
        await asyncio.sleep(seconds)
        raise refused(kind) if refused else TimeoutError()
    if kind == "reset":
        await asyncio.sleep(seconds)
        raise refused(kind) if refused else ConnectionResetError(104, "Connection reset by peer")
    await asyncio.sleep(seconds / 2)
    result = serve() if serve else None
    await asyncio.sleep(seconds - seconds / 2)
    return result
