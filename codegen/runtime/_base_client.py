"""What the sync and async clients share: headers, request building, retries and their backoff,
status errors, response parsing. The clients are in `_sync_client.py` and `_async_client.py`;
the request options (re-exported here for the resources) in `_request_options.py`."""

from __future__ import annotations

import email.utils
import json
import logging
import os
import time
from collections.abc import Mapping
from random import random
from typing import Any, ClassVar, Generic, TypeVar, get_args, get_origin
from urllib.parse import parse_qsl, urlencode

import httpx
import pydantic

from ._encoding import (
    ForceMultipart,
    body_kind,
    form_pairs,
    header_value,
    jsonable,
    multipart_parts,
    query_pairs,
    raw_content,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    make_status_error,
)
from ._models import construct_type, validate_type
from ._platform import platform_headers, timeout_headers
from ._request_options import FinalRequestOptions, header_list, make_request_options
from ._response import is_binary, response_mode
from ._streaming import AsyncJSONLDecoder, AsyncStream, JSONLDecoder, Stream
from ._types import NotGiven, Omit, Timeout

__all__ = [
    "BaseClient",
    "FinalRequestOptions",
    "header_list",
    "make_request_options",
]

log = logging.getLogger(__name__.rpartition(".")[0] or __name__)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A server's `retry-after` longer than this is ignored in favour of our own backoff."""

_HttpxClientT = TypeVar("_HttpxClientT", httpx.Client, httpx.AsyncClient)


# codegen:begin log_env
def _setup_logging() -> None:
    """Turn on logging when `PACKAGE_LOG` is "debug" or "info" (off by default)."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(
        os.environ.get("PACKAGE_LOG", "").lower()
    )
    # codegen:end log_env
    if level is None:
        return
    logging.basicConfig(format="[%(asctime)s - %(name)s - %(levelname)s] %(message)s")
    log.setLevel(level)
    logging.getLogger("httpx").setLevel(level)


def decoder_item_type(cast_to: object) -> object:
    args = get_args(cast_to)
    return args[0] if args else object


class BaseClient(Generic[_HttpxClientT]):
    """The transport-independent half of a client (sync and async share it)."""

    _client: _HttpxClientT
    _owns_http_client: bool
    max_retries: int
    timeout: Timeout
    # Facts of the spec's client, set by the package's client class: its version, whether its
    # `.js` sends a `User-Agent` and the `X-Stainless-*` platform headers with each request.
    _version: ClassVar[str] = "0"
    _sends_user_agent: ClassVar[bool] = False
    _sends_platform_headers: ClassVar[bool] = False
    _async_header: ClassVar[str] = "false"

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None = None,
        custom_query: Mapping[str, object] | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        _setup_logging()
        self._strict_response_validation = _strict_response_validation
        self._base_url = self._enforce_trailing_slash(httpx.URL(str(base_url)))
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers: dict[str, str | Omit] = dict(custom_headers or {})
        self._custom_query: dict[str, object] = dict(custom_query or {})

    @staticmethod
    def _enforce_trailing_slash(url: httpx.URL) -> httpx.URL:
        if url.raw_path.endswith(b"/"):
            return url
        return url.copy_with(raw_path=url.raw_path + b"/")

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: str | httpx.URL) -> None:
        self._base_url = self._enforce_trailing_slash(httpx.URL(str(url)))

    @property
    def auth_headers(self) -> dict[str, str]:
        """Credentials sent with every request; clients override this."""
        return {}

    @property
    def user_agent(self) -> str:
        """`<client class>/Python <package version>`, as the official Python SDKs send it."""
        return f"{type(self).__name__}/Python {self._version}"

    def platform_headers(self) -> dict[str, str]:
        """The `X-Stainless-*` headers naming this package and platform, if the spec sends them."""
        if not self._sends_platform_headers:
            return {}
        return {**platform_headers(self._version), "X-Stainless-Async": self._async_header}

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        agent: dict[str, str] = {"User-Agent": self.user_agent} if self._sends_user_agent else {}
        return {
            "Accept": "application/json",
            **agent,
            **self.platform_headers(),
            **self.auth_headers,
            **self._custom_headers,
        }

    @property
    def default_query(self) -> dict[str, object]:
        return dict(self._custom_query)

    def __repr__(self) -> str:
        # Never show headers: they hold the API key.
        return (
            f"{type(self).__name__}(base_url={str(self.base_url)!r}, "
            f"max_retries={self.max_retries}, timeout={self.timeout!r})"
        )

    def _prepare_url(self, url: str) -> httpx.URL:
        """Relative paths are joined to `base_url`; absolute URLs (e.g. `results_url`) kept."""
        parsed = httpx.URL(url)
        if parsed.is_relative_url:
            return self.base_url.copy_with(
                raw_path=self.base_url.raw_path + parsed.raw_path.lstrip(b"/")
            )
        return parsed

    def _build_headers(self, options: FinalRequestOptions, retries_taken: int) -> httpx.Headers:
        """Defaults, then per-call headers; `Omit()` removes a header, `NOT_GIVEN` is skipped."""
        headers = httpx.Headers({"X-Stainless-Retry-Count": str(retries_taken)})
        if self._sends_platform_headers:
            timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
            headers.update(timeout_headers(timeout))
            mode = response_mode.get()
            if mode is not None:  # a `.with_raw_response` / `.with_streaming_response` call
                headers["X-Stainless-Raw-Response"] = mode
        layers: tuple[Mapping[str, object], ...] = (self.default_headers, options.headers or {})
        for layer in layers:
            for name, value in layer.items():
                if isinstance(value, Omit):
                    headers.pop(name, None)
                elif value is not None and not isinstance(value, NotGiven):
                    headers[name] = header_value(value)
        return headers

    def _build_request(self, options: FinalRequestOptions, retries_taken: int) -> httpx.Request:
        headers = self._build_headers(options, retries_taken)
        body = options.json_data
        if options.extra_json:
            if body is None:
                body = options.extra_json
            elif isinstance(body, Mapping):
                body = {**body, **options.extra_json}
            else:
                raise TypeError("extra_body can only be merged into a JSON object body")
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        # a query string written into the route (`/v1/files?beta=true`) or carried by a followed
        # URL is kept, under the client's default query and the call's own params
        path, _, route_query = options.url.partition("?")
        fixed = dict(parse_qsl(route_query, keep_blank_values=True))
        params = tuple(query_pairs({**fixed, **self.default_query, **options.params}))
        url = self._prepare_url(path)
        kind = body_kind(options.body_kind, body)
        if kind == "multipart":
            if body is not None and not isinstance(body, Mapping):
                raise TypeError(
                    f"a multipart/form-data body must be a mapping, got {type(body).__name__}"
                )
            files, data = multipart_parts(body or {})
            # httpx writes the form's Content-Type with its boundary; one set without is dropped
            if "boundary=" not in headers.get("Content-Type", "boundary="):
                del headers["Content-Type"]
            return self._client.build_request(
                options.method.upper(),
                url,
                params=params,
                headers=headers,
                files=files or ForceMultipart(),
                data=data,
                timeout=timeout,
            )
        content: bytes | None = None
        if kind == "content":
            content = raw_content(body)
        elif kind == "urlencoded" and body is not None:
            content = urlencode(form_pairs(body)).encode("ascii")
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif body is not None:
            content = json.dumps(jsonable(body)).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        return self._client.build_request(
            options.method.upper(),
            url,
            params=params,
            headers=headers,
            content=content,
            timeout=timeout,
        )

    def _max_retries(self, options: FinalRequestOptions) -> int:
        if isinstance(options.max_retries, NotGiven):
            return self.max_retries
        return options.max_retries

    def _should_retry(self, response: httpx.Response) -> bool:
        should_retry: str | None = response.headers.get("x-should-retry")
        if should_retry in ("true", "false"):
            log.debug("Header x-should-retry is %s", should_retry)
            return should_retry == "true"
        status = response.status_code
        return status in (408, 409, 429) or status >= 500

    @staticmethod
    def _parse_retry_after(headers: httpx.Headers | None) -> float | None:
        """Seconds the server asked us to wait (`retry-after-ms`, then `retry-after`), if any."""
        if headers is None:
            return None
        try:
            return float(headers.get("retry-after-ms", "")) / 1000
        except ValueError:
            pass
        retry_after = headers.get("retry-after")
        if retry_after is None:
            return None
        try:
            return float(retry_after)
        except ValueError:
            pass
        date = email.utils.parsedate_tz(retry_after)
        if date is None:
            return None
        return float(email.utils.mktime_tz(date) - time.time())

    def _calculate_retry_timeout(self, retries_taken: int, headers: httpx.Headers | None) -> float:
        """The server's wait if reasonable, else exponential backoff with jitter."""
        retry_after = self._parse_retry_after(headers)
        if retry_after is not None and 0 < retry_after <= MAX_RETRY_AFTER:
            return retry_after
        delay = min(INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 32), MAX_RETRY_DELAY)
        return max(delay * (1 - 0.25 * random()), 0.0)

    def _retry_delay(
        self,
        request: httpx.Request,
        retries_taken: int,
        max_retries: int,
        headers: httpx.Headers | None,
        reason: str,
    ) -> float:
        delay = self._calculate_retry_timeout(retries_taken, headers)
        log.info(
            "Retrying %s %s in %.3f seconds (retry %d of %d) after %s",
            request.method,
            request.url,
            delay,
            retries_taken + 1,
            max_retries,
            reason,
        )
        return delay

    def _connection_error(self, err: Exception, request: httpx.Request) -> APIConnectionError:
        if isinstance(err, httpx.TimeoutException):
            return APITimeoutError(request)
        return APIConnectionError(message=f"Connection error: {err}", request=request)

    def _make_status_error_from_response(self, response: httpx.Response) -> APIStatusError:
        """The error for a non-2xx response whose body has been read."""
        text = response.text.strip()
        body: object = text
        try:
            body = json.loads(text)
            message = f"Error code: {response.status_code} - {body}"
        except ValueError:
            # Not JSON, e.g. a proxy's HTML page: keep the text, shortened in the message.
            excerpt = text if len(text) <= 500 else text[:500] + "..."
            message = f"Error code: {response.status_code}" + (f" - {excerpt}" if excerpt else "")
        log.debug(
            "Request failed: %s %s -> %d",
            response.request.method,
            response.request.url,
            response.status_code,
        )
        return make_status_error(message, body=body, response=response)

    def _decode_json(self, response: httpx.Response) -> object:
        try:
            return json.loads(response.content)
        except ValueError as err:
            request = response.request
            raise APIResponseValidationError(
                response,
                response.text,
                message=(
                    f"Expected a JSON body from {request.method} {request.url} "
                    f"(HTTP {response.status_code}), but it could not be decoded: {err}"
                ),
            ) from err

    def _parse_body(
        self, cast_to: Any, response: httpx.Response, unwrap: tuple[str, ...] = ()
    ) -> Any:
        """Turn a read 2xx response into `cast_to` (its `unwrap` field path, when given)."""
        if cast_to is None or cast_to is type(None):
            return None
        if cast_to is str:
            return response.text
        if cast_to is bytes:
            return response.content
        if is_binary(cast_to):
            return response.content
        if type(None) in get_args(cast_to) and not response.content.strip():
            return None  # a result the spec declares nullable (`APIPromise<X | null>`), no body
        data = self._decode_json(response)
        for key in unwrap:
            data = data.get(key) if isinstance(data, dict) else None
        if not self._strict_response_validation:
            return construct_type(cast_to, data)
        try:
            return validate_type(cast_to, data)
        except pydantic.ValidationError as err:
            raise APIResponseValidationError(
                response, data, message=f"The response did not match the expected type: {err}"
            ) from err

    @staticmethod
    def _is_decoder(cast_to: object) -> bool:
        origin = get_origin(cast_to) or cast_to
        return isinstance(origin, type) and issubclass(
            origin, (JSONLDecoder, AsyncJSONLDecoder, Stream, AsyncStream)
        )
