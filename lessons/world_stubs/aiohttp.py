"""aiohttp for the lesson programs' expected outputs: Coroscope's semantics
(core/script/modules/world/AiohttpModule.cpp) over _coroscope_world. A
request is sent when its context manager is entered (or it is awaited) and
takes the endpoint's latency (asyncio.sleep), so concurrent requests overlap."""

import asyncio
import json as _json

import _coroscope_world as _world

__version__ = "3.8.4"


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError):
    pass


class ClientConnectorError(ClientOSError):
    pass


class ServerConnectionError(ClientConnectionError):
    pass


class ServerTimeoutError(ServerConnectionError):
    pass


class ClientResponseError(ClientError):
    pass


class ContentTypeError(ClientResponseError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError):
    pass


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


_DEFAULT_TOTAL = 300


class StreamReader:
    def __init__(self, body):
        self._body = body
        self._pos = 0

    async def read(self, n=-1):
        data = self._body[self._pos:] if n < 0 else self._body[self._pos:self._pos + n]
        self._pos += len(data)
        return data


class ClientResponse:
    def __init__(self, method, url, endpoint):
        body = endpoint.body_bytes()
        self.status = endpoint.status
        self.reason = _world.REASONS.get(endpoint.status, "")
        self.method = method
        self.url = url
        self.headers = _world.headers_of(endpoint, body)
        self.content_type = endpoint.content_type.split(";")[0]
        self.content = StreamReader(body)
        self._body = body

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    async def read(self):
        return self._body

    async def text(self, encoding=None):
        return self._body.decode(encoding or "utf-8", "replace")

    async def json(self):
        if "json" not in self.content_type:
            raise ContentTypeError(f"0, message='Attempt to decode JSON with unexpected mimetype: "
                                   f"{self.content_type}', url=URL('{self.url}')")
        return _json.loads(self._body.decode("utf-8"))

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(f"{self.status}, message='{self.reason}', url=URL('{self.url}')")

    def release(self):
        return None

    def close(self):
        return None

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


def _total(timeout):
    if timeout is None:
        return None
    if isinstance(timeout, (int, float)):
        return timeout
    return timeout.total


class _RequestContextManager:
    def __init__(self, method, url, timeout, verify):
        self._method = method
        self._url = url
        self._timeout = timeout
        self._verify = verify
        self._response = None

    async def _send(self):
        if self._response is not None:
            return self._response
        if "://" not in self._url:
            raise InvalidURL(self._url)
        endpoint = _world.Endpoint(self._url)
        if endpoint.failure == "refused":
            host, port = endpoint.bare_host(), endpoint.port()
            ssl = "False" if self._verify is False else "default"
            raise ClientConnectorError(f"Cannot connect to host {host}:{port} ssl:{ssl} "
                                       f"[Connect call failed ('{host}', {port})]")
        timeout = _DEFAULT_TOTAL if self._timeout is None else _total(self._timeout)
        wait, times_out = endpoint.wait(timeout)
        await asyncio.sleep(wait)
        if times_out:
            raise asyncio.TimeoutError()
        if endpoint.failure == "reset":
            raise ClientOSError("[Errno 104] Connection reset by peer")
        self._response = ClientResponse(self._method, self._url, endpoint)
        return self._response

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, *exc):
        return None

    def __await__(self):
        return self._send().__await__()


class ClientSession:
    def __init__(self, *, timeout=None, headers=None, **kwargs):
        self.timeout = timeout
        self.headers = headers or {}
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.closed = True

    async def close(self):
        self.closed = True

    def _request(self, method, url, timeout=None, verify_ssl=None, ssl=None, **kwargs):
        verify = verify_ssl if verify_ssl is not None else ssl
        return _RequestContextManager(method, url, timeout if timeout is not None else self.timeout, verify)

    def get(self, url, **kwargs):
        return self._request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self._request("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self._request("PUT", url, **kwargs)

    def delete(self, url, **kwargs):
        return self._request("DELETE", url, **kwargs)

    def request(self, method, url, **kwargs):
        return self._request(method.upper(), url, **kwargs)
