"""CPython stand-in for Coroscope's aioredis (1.x API), for deriving the
expected output of the lesson programs. Same semantics as
core/script/modules/services/AioredisModule.cpp: connecting is one round
trip plus one for AUTH (password given) and one for SELECT (db > 0); every
command is one round trip and returns a future at once; close() starts a
one-round-trip close that wait_closed() awaits. Each host keeps its own data.
"""

import asyncio

from _services_world import round_trip


class RedisError(Exception):
    pass


class ProtocolError(RedisError):
    pass


class ReplyError(RedisError):
    pass


class AuthError(ReplyError):
    pass


class ConnectionClosedError(RedisError):
    pass


class PoolClosedError(RedisError):
    pass


_STORES = {}
_WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value"


class _Error(str):
    """An error reply."""


def _store(host, port):
    return _STORES.setdefault((host, port), {})


def _run(store, session, cmd):
    """Executes one command (list of bytes) and returns the reply."""
    name = cmd[0].decode().upper()
    args = cmd[1:]
    db = store.setdefault(session["db"], {})
    if name == "AUTH":
        return "OK"
    if name == "PING":
        return args[0] if args else "PONG"
    if name == "SELECT":
        session["db"] = int(args[0])
        return "OK"
    if name in ("SET", "GET", "INCR", "DECR"):
        value = db.get(args[0])
        if value is not None and not isinstance(value, bytes):
            return _Error(_WRONGTYPE)
        if name == "SET":
            db[args[0]] = args[1]
            return "OK"
        if name == "GET":
            return value
        number = int(value or b"0") + (1 if name == "INCR" else -1)
        db[args[0]] = str(number).encode()
        return number
    if name in ("DEL", "EXISTS"):
        found = sum(1 for k in args if k in db)
        if name == "DEL":
            for k in args:
                db.pop(k, None)
        return found
    if name == "KEYS":
        return sorted(db) if args[0] == b"*" else [k for k in sorted(db) if k == args[0]]
    if name.startswith("H"):
        value = db.get(args[0])
        if value is not None and not isinstance(value, dict):
            return _Error(_WRONGTYPE)
        if name in ("HSET", "HMSET"):
            h = db.setdefault(args[0], {})
            added = 0
            for field, v in zip(args[1::2], args[2::2]):
                added += field not in h
                h[field] = v
            return added if name == "HSET" else "OK"
        h = value or {}
        if name == "HGET":
            return h.get(args[1])
        if name == "HGETALL":
            return [x for pair in h.items() for x in pair]
        if name == "HKEYS":
            return list(h)
        if name == "HVALS":
            return list(h.values())
        if name == "HLEN":
            return len(h)
    return _Error(f"ERR unknown command '{cmd[0].decode()}', with args beginning with: ")


def _encode(arg):
    if isinstance(arg, bytes):
        return arg
    if isinstance(arg, str):
        return arg.encode()
    if isinstance(arg, (int, float)):
        return str(arg).encode()
    raise TypeError(f"Argument {arg!r} expected to be of bytearray, bytes, float, int, or str type")


def _decode(reply, encoding):
    if isinstance(reply, _Error):
        raise ReplyError(str(reply))
    if isinstance(reply, str):
        reply = reply.encode()
    if isinstance(reply, bytes):
        return reply.decode(encoding) if encoding else reply
    if isinstance(reply, list):
        return [_decode(x, encoding) for x in reply]
    return reply


def _parse(address):
    if isinstance(address, (tuple, list)):
        return address[0], int(address[1]), None, 0
    if not address.startswith(("redis://", "rediss://")):
        return address, 0, None, 0
    rest = address.split("//", 1)[1].split("?", 1)[0]
    password = None
    if "@" in rest:
        creds, rest = rest.rsplit("@", 1)
        if ":" in creds:
            password = creds.split(":", 1)[1]
    db = 0
    if "/" in rest:
        rest, dbtext = rest.split("/", 1)
        db = int(dbtext) if dbtext else 0
    port = 6379
    if ":" in rest:
        rest, port = rest.rsplit(":", 1)
        port = int(port)
    return rest or "localhost", port, password, db


class RedisConnection:
    def __init__(self, host=None, port=None, password=None, db=0, encoding=None):
        self._host, self._port = host, port
        self._password, self._db, self._encoding = password, db, encoding
        self._session = {"db": 0}
        self._closed = False
        self._close_task = None

    async def _connect(self):
        await round_trip(self._host, self._port)
        store = _store(self._host, self._port)
        for cmd in ([b"AUTH", _encode(self._password)] if self._password else None,
                    [b"SELECT", _encode(self._db)] if self._db else None):
            if cmd:
                reply = await round_trip(self._host, self._port, lambda c=cmd: _run(store, self._session, c))
                if isinstance(reply, _Error):
                    raise ReplyError(str(reply))
        return self

    def execute(self, command, *args, encoding=None, _convert=None):
        if self._closed:
            raise ConnectionClosedError("Connection closed or corrupted")
        cmd = [_encode(command)] + [_encode(a) for a in args]
        store = _store(self._host, self._port)
        enc = encoding if encoding is not None else self._encoding

        async def call():
            reply = await round_trip(self._host, self._port, lambda: _run(store, self._session, cmd))
            if _convert and not isinstance(reply, _Error):
                return _convert(reply, enc)
            return _decode(reply, enc)
        return asyncio.ensure_future(call())

    def close(self):
        if not self._closed:
            self._closed = True
            self._close_task = asyncio.ensure_future(round_trip(self._host, self._port))

    async def wait_closed(self):
        if self._close_task is None:
            await asyncio.get_running_loop().create_future()
        await self._close_task

    @property
    def closed(self):
        return self._closed

    @property
    def address(self):
        return (self._host, self._port)


class ConnectionsPool:
    def __init__(self, address, db=None, password=None, encoding=None, *, minsize=1, maxsize=10,
                 ssl=None, parser=None, create_connection_timeout=None, connection_cls=None, loop=None):
        host, port, uri_password, uri_db = _parse(address)
        self._host, self._port = host, port
        self._password = password if password is not None else uri_password
        self._db = db if db is not None else uri_db
        self._encoding = encoding
        self.minsize, self.maxsize = minsize, maxsize
        self._all, self._free, self._waiters = [], [], []
        self._connecting = 0
        self._closed = False
        self._close_task = None

    def _new(self):
        return RedisConnection(self._host, self._port, self._password, self._db, self._encoding)

    async def _fill(self, count):
        for _ in range(count):
            conn = await self._new()._connect()
            self._all.append(conn)
            self._free.append(conn)

    def acquire(self):
        if self._closed:
            raise PoolClosedError("Pool is closed")
        loop = asyncio.get_running_loop()
        if self._free:
            f = loop.create_future()
            f.set_result(self._free.pop(0))
            return f
        if len(self._all) + self._connecting < self.maxsize:
            self._connecting += 1

            async def open_one():
                conn = await self._new()._connect()
                self._connecting -= 1
                self._all.append(conn)
                return conn
            return asyncio.ensure_future(open_one())
        f = loop.create_future()
        self._waiters.append(f)
        return f

    def release(self, conn):
        while self._waiters:
            f = self._waiters.pop(0)
            if not f.done():
                f.set_result(conn)
                return
        self._free.append(conn)

    def execute(self, command, *args, encoding=None, _convert=None):
        if self._closed:
            raise PoolClosedError("Pool is closed")
        if self._all:
            return self._all[0].execute(command, *args, encoding=encoding, _convert=_convert)
        conn = self._new()
        self._all.append(conn)
        self._free.append(conn)

        async def call():
            await conn._connect()
            return await conn.execute(command, *args, encoding=encoding, _convert=_convert)
        return asyncio.ensure_future(call())

    def close(self):
        if self._closed:
            return
        self._closed = True
        for conn in self._all:
            conn._closed = True
        for f in self._waiters:
            if not f.done():
                f.set_exception(PoolClosedError("Pool is closed"))
        if self._all:
            self._close_task = asyncio.ensure_future(round_trip(self._host, self._port))
        else:
            self._close_task = asyncio.get_running_loop().create_future()
            self._close_task.set_result(None)

    async def wait_closed(self):
        if self._close_task is None:
            await asyncio.get_running_loop().create_future()
        await self._close_task

    @property
    def size(self):
        return len(self._all) + self._connecting

    @property
    def freesize(self):
        return len(self._free)

    @property
    def closed(self):
        return self._closed


def _ok(reply, encoding):
    return reply == "OK"


def _to_dict(reply, encoding):
    items = _decode(reply, encoding)
    return dict(zip(items[::2], items[1::2]))


class Redis:
    def __init__(self, pool_or_conn):
        self._pool_or_conn = pool_or_conn

    @property
    def connection(self):
        return self._pool_or_conn

    @property
    def closed(self):
        return self._pool_or_conn.closed

    def execute(self, command, *args, encoding=None):
        return self._pool_or_conn.execute(command, *args, encoding=encoding)

    def close(self):
        self._pool_or_conn.close()

    async def wait_closed(self):
        await self._pool_or_conn.wait_closed()

    def set(self, key, value):
        return self._pool_or_conn.execute("SET", key, value, _convert=_ok)

    def get(self, key, *, encoding=None):
        return self.execute("GET", key, encoding=encoding)

    def incr(self, key):
        return self.execute("INCR", key)

    def delete(self, key, *keys):
        return self.execute("DEL", key, *keys)

    def exists(self, key, *keys):
        return self.execute("EXISTS", key, *keys)

    def keys(self, pattern, *, encoding=None):
        return self.execute("KEYS", pattern, encoding=encoding)

    def ping(self, *, encoding=None):
        return self.execute("PING", encoding=encoding)

    def hset(self, key, field, value):
        return self.execute("HSET", key, field, value)

    def hget(self, key, field, *, encoding=None):
        return self.execute("HGET", key, field, encoding=encoding)

    def hmset(self, key, field, value, *pairs):
        return self._pool_or_conn.execute("HMSET", key, field, value, *pairs, _convert=_ok)

    def hmset_dict(self, key, *args, **kwargs):
        if not args and not kwargs:
            raise TypeError("args or kwargs must be specified")
        pairs = dict(args[0]) if args else {}
        pairs.update(kwargs)
        flat = [x for kv in pairs.items() for x in kv]
        return self._pool_or_conn.execute("HMSET", key, *flat, _convert=_ok)

    def hgetall(self, key, *, encoding=None):
        return self._pool_or_conn.execute("HGETALL", key, encoding=encoding, _convert=_to_dict)


def _options(address, db, password, encoding):
    host, port, uri_password, uri_db = _parse(address)
    return (host, port, password if password is not None else uri_password,
            db if db is not None else uri_db, encoding)


async def create_connection(address, *, db=None, password=None, ssl=None, encoding=None, parser=None,
                            timeout=None, connection_cls=None, loop=None):
    return await RedisConnection(*_options(address, db, password, encoding))._connect()


async def create_redis(address, *, db=None, password=None, ssl=None, encoding=None, commands_factory=Redis,
                       parser=None, timeout=None, connection_cls=None, loop=None):
    conn = await create_connection(address, db=db, password=password, encoding=encoding)
    return commands_factory(conn)


async def create_pool(address, *, db=None, password=None, ssl=None, encoding=None, minsize=1, maxsize=10,
                      parser=None, loop=None, create_connection_timeout=None, pool_cls=None, connection_cls=None):
    pool = ConnectionsPool(address, db, password, encoding, minsize=minsize, maxsize=maxsize)
    await pool._fill(minsize)
    return pool


async def create_redis_pool(address, *, db=None, password=None, ssl=None, encoding=None, commands_factory=Redis,
                            minsize=1, maxsize=10, parser=None, timeout=None, pool_cls=None,
                            connection_cls=None, loop=None):
    pool = await create_pool(address, db=db, password=password, encoding=encoding, minsize=minsize, maxsize=maxsize)
    return commands_factory(pool)
