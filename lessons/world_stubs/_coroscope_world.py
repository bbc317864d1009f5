"""The simulated world of Coroscope (docs/LESSONS.md, "World"), in Python.

lessons/regen_expected.py runs the lesson programs that talk to the network
under CPython 3.11 with this folder first on sys.path, so that `requests` and
`aiohttp` are these stand-ins and behave as Coroscope's built-in modules do
(core/runtime/world/Network.h): the same endpoints, latencies, bodies and
failures, taken from the lesson's world config in $COROSCOPE_WORLD. Waits are
real sleeps (time.sleep for requests, asyncio.sleep for aiohttp), so CPython
prints in the order the virtual clock gives.
"""

import json
import os

WORLD = json.loads(os.environ.get("COROSCOPE_WORLD") or "{}")


def host_hash(host):
    """FNV-1a, 32 bits, over the host name's UTF-8 bytes."""
    h = 2166136261
    for byte in host.encode("utf-8"):
        h ^= byte
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def default_latency(host):
    return (1 + host_hash(host) % 9) / 10


def default_size(host):
    return 1024 * (1 + (host_hash(host) >> 4) % 32)


def default_body(url, size):
    unit = ("coroscope world: " + url + "\n").encode("utf-8")
    return (unit * (size // len(unit) + 1))[:size]


def content_type_of(url):
    path = url.split("?")[0].split("#")[0].lower()
    if path.endswith(".jpg") or path.endswith(".jpeg"):
        return "image/jpeg"
    if path.endswith(".png"):
        return "image/png"
    if path.endswith(".json"):
        return "application/json"
    return "text/html; charset=utf-8"


def host_of(url):
    rest = url.split("://", 1)[1] if "://" in url else url
    for stop in "/?#":
        rest = rest.split(stop, 1)[0]
    return rest.rsplit("@", 1)[-1]


class Endpoint:
    def __init__(self, url_or_host):
        is_url = "://" in url_or_host
        self.host = host_of(url_or_host) if is_url else url_or_host
        self.url = url_or_host if is_url else ""
        default = WORLD.get("defaultLatency")
        self.latency = default if default is not None else default_latency(self.host)
        self.size = default_size(self.host)
        self.status = 200
        self.body = None
        self.content_type = content_type_of(self.url)
        self.failure = None
        hosts = WORLD.get("hosts", {})
        bare = self.host.rsplit(":", 1)[0] if ":" in self.host else self.host
        self._apply(hosts.get(bare))
        if bare != self.host:
            self._apply(hosts.get(self.host))
        if is_url:
            self._apply(WORLD.get("urls", {}).get(self.url))

    def _apply(self, entry):
        if not entry:
            return
        self.latency = entry.get("latency", self.latency)
        self.size = entry.get("size", self.size)
        self.status = entry.get("status", self.status)
        self.content_type = entry.get("contentType", self.content_type)
        if "body" in entry:
            self.body = entry["body"].encode("utf-8")
        if entry.get("error") in ("timeout", "refused", "reset"):
            self.failure = entry["error"]

    def body_bytes(self):
        return self.body if self.body is not None else default_body(self.url or self.host, self.size)

    def port(self):
        if ":" in self.host:
            return self.host.rsplit(":", 1)[1]
        return "443" if self.url.startswith("https:") else "80"

    def bare_host(self):
        return self.host.rsplit(":", 1)[0] if ":" in self.host else self.host

    def wait(self, timeout):
        """(seconds the client waits, whether it then times out)."""
        if self.failure == "timeout" or (timeout is not None and timeout < self.latency):
            return (timeout if timeout is not None else self.latency), True
        return self.latency, False


REASONS = {200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
           302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
           404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}


def headers_of(endpoint, body):
    return {"Content-Type": endpoint.content_type, "Content-Length": str(len(body)), "Server": "coroscope-world"}
