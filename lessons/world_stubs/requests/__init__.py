"""requests for the lesson programs' expected outputs: Coroscope's semantics
(core/script/modules/world/RequestsModule.cpp) over _coroscope_world. A
request sleeps for the endpoint's latency, then returns its body."""

import json as _json
import time as _time

import _coroscope_world as _world
from requests import exceptions
from requests.exceptions import (ConnectionError, ConnectTimeout, HTTPError, InvalidURL, JSONDecodeError,
                                 MissingSchema, ReadTimeout, RequestException, Timeout, TooManyRedirects)

__version__ = "2.28.1"


class Response:
    def json(self):
        try:
            return _json.loads(self.text)
        except ValueError as error:
            raise JSONDecodeError(str(error)) from None

    def raise_for_status(self):
        if 400 <= self.status_code < 600:
            kind = " Client Error: " if self.status_code < 500 else " Server Error: "
            raise HTTPError(f"{self.status_code}{kind}{self.reason} for url: {self.url}")

    def __repr__(self):
        return f"<Response [{self.status_code}]>"


def _pool(url):
    host = _world.host_of(url)
    https = url.startswith("https:")
    bare, port = (host.rsplit(":", 1) if ":" in host else (host, "443" if https else "80"))
    return f"{'HTTPS' if https else 'HTTP'}ConnectionPool(host='{bare}', port={port})"


def _path(url):
    rest = url.split("://", 1)[1]
    for i, c in enumerate(rest):
        if c in "/?#":
            path = rest[i:]
            return path if path.startswith("/") else "/" + path
    return "/"


def request(method, url, params=None, data=None, json=None, timeout=None, **kwargs):
    if "://" not in url:
        raise MissingSchema(f"Invalid URL '{url}': No scheme supplied. Perhaps you meant https://{url}?")
    if params:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        url += ("&" if "?" in url else "?") + query
    endpoint = _world.Endpoint(url)
    if endpoint.failure == "refused":
        kind = "HTTPSConnection" if url.startswith("https:") else "HTTPConnection"
        raise ConnectionError(f"{_pool(url)}: Max retries exceeded with url: {_path(url)} (Caused by "
                              f"NewConnectionError('<urllib3.connection.{kind} object>: Failed to establish a new "
                              f"connection: [Errno 111] Connection refused'))")
    seconds = timeout[1] if isinstance(timeout, tuple) else timeout
    wait, times_out = endpoint.wait(seconds)
    _time.sleep(wait)
    if times_out:
        raise ReadTimeout(f"{_pool(url)}: Read timed out. (read timeout={timeout!r})")
    if endpoint.failure == "reset":
        raise ConnectionError("('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))")
    body = endpoint.body_bytes()
    response = Response()
    response.status_code = endpoint.status
    response.url = url
    response.reason = _world.REASONS.get(endpoint.status, "")
    response.ok = endpoint.status < 400
    response.headers = _world.headers_of(endpoint, body)
    response.content = body
    response.text = body.decode("utf-8", "replace")
    textual = endpoint.content_type.startswith("text/") or "json" in endpoint.content_type
    response.encoding = "utf-8" if textual else None
    return response


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)


class Session:
    def __init__(self):
        self.headers = {}

    def get(self, url, **kwargs):
        return request("GET", url, **kwargs)

    def post(self, url, data=None, **kwargs):
        return request("POST", url, data=data, **kwargs)

    def put(self, url, data=None, **kwargs):
        return request("PUT", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return request("DELETE", url, **kwargs)

    def request(self, method, url, **kwargs):
        return request(method.upper(), url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass
