"""CPython stand-in for Coroscope's aiomysql, for deriving the expected
output of the lesson programs. Same semantics as
core/script/modules/services/AiomysqlModule.cpp: every awaited call
(connect, cursor, execute, fetch*, cursor close, commit...) is one round
trip; conn.close() is not awaited. Every server holds the same seed:
mysql.user with MySQL 8's five default accounts in primary-key order. Only
the SQL the lessons use is understood here (SELECT columns or * FROM
[db.]table [WHERE column = literal] [LIMIT n]); the C++ server knows more.
"""

import re

from _services_world import round_trip


class Warning(Exception):
    pass


class Error(Exception):
    pass


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class DataError(DatabaseError):
    pass


class InternalError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_USER_COLUMNS = ["Host", "User", "Select_priv", "plugin"]
_USER_ROWS = [
    ("%", "root", "Y", "mysql_native_password"),
    ("localhost", "mysql.infoschema", "Y", "caching_sha2_password"),
    ("localhost", "mysql.session", "N", "caching_sha2_password"),
    ("localhost", "mysql.sys", "N", "caching_sha2_password"),
    ("localhost", "root", "Y", "caching_sha2_password"),
]
_SCHEMAS = ("information_schema", "mysql", "performance_schema", "sys")

_SELECT = re.compile(r"\s*select\s+(.+?)\s+from\s+`?(\w+)`?(?:\.`?(\w+)`?)?"
                     r"(?:\s+where\s+`?(\w+)`?\s*=\s*'([^']*)')?(?:\s+limit\s+(\d+))?\s*;?\s*$",
                     re.IGNORECASE | re.DOTALL)


def _query(database, sql):
    """(columns, rows) or raises the PyMySQL error."""
    m = _SELECT.match(sql)
    if not m:
        raise ProgrammingError(1064, "You have an error in your SQL syntax; check the manual that corresponds to "
                                     f"your MySQL server version for the right syntax to use near '{sql}' at line 1")
    columns, first, second, where_col, where_val, limit = m.groups()
    schema, table = (first, second) if second else (database, first)
    if not schema:
        raise OperationalError(1046, "No database selected")
    if schema.lower() != "mysql" or table.lower() != "user":
        raise ProgrammingError(1146, f"Table '{schema}.{table}' doesn't exist")
    lower = [c.lower() for c in _USER_COLUMNS]
    names = _USER_COLUMNS if columns.strip() == "*" else [c.strip().strip("`") for c in columns.split(",")]
    for name in names:
        if name.lower() not in lower:
            raise OperationalError(1054, f"Unknown column '{name}' in 'field list'")
    rows = list(_USER_ROWS)
    if where_col:
        index = lower.index(where_col.lower())
        rows = [r for r in rows if r[index].lower() == where_val.lower()]
    if limit:
        rows = rows[:int(limit)]
    picked = [lower.index(n.lower()) for n in names]
    return names, tuple(tuple(r[i] for i in picked) for r in rows)


def _escape(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return str(v)
    text = str(v).replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')
    return "'" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0").replace("\x1a", "\\Z") + "'"


class Cursor:
    _dict = False

    def __init__(self, connection=None):
        self.connection = connection
        self.rowcount = -1
        self.description = None
        self.lastrowid = None
        self.arraysize = 1
        self._rows = None
        self._columns = None
        self._rownumber = 0
        self._closed = False

    async def _trip(self, serve=None):
        return await self.connection._trip(serve)

    async def execute(self, query, args=None):
        if self._closed:
            raise ProgrammingError("Cursor closed")
        if args is not None:
            if isinstance(args, dict):
                query = query % {k: _escape(v) for k, v in args.items()}
            elif isinstance(args, (tuple, list)):
                query = query % tuple(_escape(a) for a in args)
            else:
                query = query % _escape(args)
        outcome = await self._trip(lambda: self._run(query))
        if isinstance(outcome, Exception):
            raise outcome
        self._columns, self._rows = outcome
        self._rownumber = 0
        self.rowcount = len(self._rows)
        self.description = tuple((c, 253, None, None, None, None, True) for c in self._columns)
        return self.rowcount

    def _run(self, query):
        try:
            return _query(self.connection.db, query)
        except Error as e:
            return e

    def _row(self, row):
        return dict(zip(self._columns, row)) if self._dict else row

    async def _take(self, count):
        def serve():
            rows = self._rows or ()
            part = rows[self._rownumber:] if count is None else rows[self._rownumber:self._rownumber + count]
            self._rownumber += len(part)
            return part
        return await self._trip(serve)

    async def fetchone(self):
        part = await self._take(1)
        return self._row(part[0]) if part else None

    async def fetchmany(self, size=None):
        part = await self._take(self.arraysize if size is None else size)
        return [self._row(r) for r in part] if self._dict else tuple(part)

    async def fetchall(self):
        part = await self._take(None)
        return [self._row(r) for r in part] if self._dict else tuple(part)

    async def close(self):
        if self._closed:
            return
        self._closed = True
        await self._trip()
        self._rows = None


class DictCursor(Cursor):
    _dict = True


class Connection:
    def __init__(self, host, port, user, db, cursorclass):
        self.host, self.port, self.user, self.db = host, port, user, db
        self._cursorclass = cursorclass
        self._closed = False

    async def _trip(self, serve=None):
        if self._closed:
            raise OperationalError(2013, "Lost connection to MySQL server during query")
        return await round_trip(self.host, self.port, serve,
                                lambda kind: OperationalError(2013, "Lost connection to MySQL server during query"))

    async def cursor(self, cursor=None):
        cls = cursor or self._cursorclass or Cursor
        cur = cls(self)
        await self._trip()
        return cur

    async def commit(self):
        await self._trip()

    async def rollback(self):
        await self._trip()

    async def ensure_closed(self):
        if not self._closed:
            await self._trip()
            self._closed = True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed


async def connect(host="localhost", user=None, password="", db=None, port=3306, unix_socket=None, charset="",
                  sql_mode=None, autocommit=False, cursorclass=None, connect_timeout=None, init_command=None,
                  loop=None, echo=False, ssl=None, use_unicode=None, **kwargs):
    def serve():
        if db and db.lower() not in _SCHEMAS:
            return OperationalError(1049, f"Unknown database '{db}'")
        return None
    outcome = await round_trip(host, port, serve,
                               lambda kind: OperationalError(2003, f"Can't connect to MySQL server on '{host}'"))
    if outcome is not None:
        raise outcome
    return Connection(host, port, user, db, cursorclass)
