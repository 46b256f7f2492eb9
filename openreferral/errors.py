"""The API's errors: a status and a message meant for the developer who
sent the request, always as JSON."""


class ApiError(Exception):
    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or {}

    def as_json(self):
        data = {"status": self.status, "message": self.message}
        if self.errors:
            data["errors"] = self.errors
        return data


def not_found(message="Nothing here: see /api/oruk/openapi.json for the endpoints."):
    return ApiError(404, message)
