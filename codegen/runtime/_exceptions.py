"""Error hierarchy, named as in the official SDK so that `except` clauses port over."""

from __future__ import annotations

from typing import Literal

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "JSONLDecodeError",
    "PackageError",
    "make_status_error",
]
# the status errors of the package's spec and config
__all__ += [
    # codegen:begin error_names
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DeadlineExceededError",
    "InternalServerError",
    "NotFoundError",
    "OverloadedError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTooLargeError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    # codegen:end error_names
]


class PackageError(Exception):
    """Root of every error this client raises."""


class APIError(PackageError):
    """An error tied to an HTTP request."""

    message: str
    request: httpx.Request
    body: object | None
    """The decoded JSON body, else the raw text, else None when there was no response."""

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIResponseValidationError(APIError):
    """The response could not be decoded as the API promised (e.g. invalid JSON in a 200)."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: object | None, *, message: str | None = None
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",
            response.request,
            body=body,
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("request-id")


class APIConnectionError(APIError):
    """The request did not get a complete response (DNS, refused or dropped connection...)."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(message="Request timed out.", request=request)


class JSONLDecodeError(APIError):
    """A JSON Lines stream held a line that is not JSON, or ended in the middle of a line."""

    line_number: int

    def __init__(
        self, message: str, *, request: httpx.Request, line_number: int, line: str
    ) -> None:
        super().__init__(message, request, body=line)
        self.line_number = line_number


# codegen:begin error_classes
class BadRequestError(APIStatusError):
    status_code: Literal[400]


class AuthenticationError(APIStatusError):
    status_code: Literal[401]


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403]


class NotFoundError(APIStatusError):
    status_code: Literal[404]


class ConflictError(APIStatusError):
    status_code: Literal[409]


class RequestTooLargeError(APIStatusError):
    status_code: Literal[413]


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422]


class RateLimitError(APIStatusError):
    status_code: Literal[429]


class InternalServerError(APIStatusError):
    pass


class ServiceUnavailableError(InternalServerError):
    status_code: Literal[503]


class DeadlineExceededError(InternalServerError):
    status_code: Literal[504]


class OverloadedError(InternalServerError):
    status_code: Literal[529]


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: RequestTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    503: ServiceUnavailableError,
    504: DeadlineExceededError,
    529: OverloadedError,
}
# (threshold, class) for ">= threshold" rules, largest threshold first.
_AT_LEAST: list[tuple[int, type[APIStatusError]]] = [
    (500, InternalServerError),
]
# codegen:end error_classes


def make_status_error(message: str, *, body: object, response: httpx.Response) -> APIStatusError:
    """The most specific error class for the response's status: exact match, then ranges."""
    status = response.status_code
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = next((c for threshold, c in _AT_LEAST if status >= threshold), APIStatusError)
    return cls(message, response=response, body=body)
