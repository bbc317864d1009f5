"""requests.exceptions as Coroscope's requests module defines them."""


class RequestException(OSError):
    pass


class ConnectionError(RequestException):
    pass


class HTTPError(RequestException):
    pass


class Timeout(RequestException):
    pass


class ConnectTimeout(Timeout):
    pass


class ReadTimeout(Timeout):
    pass


class TooManyRedirects(RequestException):
    pass


class MissingSchema(RequestException):
    pass


class InvalidURL(RequestException):
    pass


class JSONDecodeError(RequestException):
    pass
