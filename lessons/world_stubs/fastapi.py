"""CPython stand-in for Coroscope's fastapi: FastAPI with route decorators.
uvicorn.py (beside it) serves the world's simulated clients."""


class FastAPI:
    def __init__(self, **settings):
        self.routes = []

    def _route(self, method, path):
        def register(endpoint):
            self.routes.append((method, path, endpoint))
            return endpoint
        return register

    def get(self, path, **options):
        return self._route("GET", path)

    def post(self, path, **options):
        return self._route("POST", path)

    def put(self, path, **options):
        return self._route("PUT", path)

    def delete(self, path, **options):
        return self._route("DELETE", path)

    def patch(self, path, **options):
        return self._route("PATCH", path)
