"""HTTP machinery shared by every client: request building, retries, errors, parsing."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import email.utils
import io
import json
import logging
import os
import pathlib
import time
from random import random
from types import TracebackType
from typing import (
    Any,
    ClassVar,
    Dict,
    Generic,
    Iterable,
    List,
    Mapping,
    Optional,
    Tuple,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)
from urllib.parse import parse_qsl

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    make_status_error,
)
from ._models import construct_type, validate_type
from ._pagination import AsyncPageT, AsyncPaginator, BaseAsyncPage, BaseSyncPage, SyncPageT
from ._platform import platform_headers, timeout_headers
from ._response import (
    async_response_class,
    is_binary,
    response_mode,
    sync_response_class,
)
from ._streaming import AsyncJSONLDecoder, AsyncStream, JSONLDecoder, Stream
from ._types import NOT_GIVEN, Body, NotGiven, Omit, Query, RequestHeaders, RequestOptions, Timeout

__all__ = [
    "AsyncAPIClient",
    "FinalRequestOptions",
    "SyncAPIClient",
    "make_request_options",
]

log = logging.getLogger(__name__.rpartition(".")[0] or __name__)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A server's `retry-after` longer than this is ignored in favour of our own backoff."""

_T = TypeVar("_T")
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


@dataclasses.dataclass
class FinalRequestOptions:
    """Everything needed to (re)send one request; pages keep it to ask for the next one."""

    method: str
    url: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)
    headers: Optional[RequestHeaders] = None
    json_data: Optional[Body] = None
    extra_json: Optional[Mapping[str, object]] = None
    timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    max_retries: Union[int, NotGiven] = NOT_GIVEN
    multipart: bool = False

    @classmethod
    def build(
        cls, method: str, url: str, *, body: Body | None, options: RequestOptions | None
    ) -> FinalRequestOptions:
        options = options or {}
        return cls(
            method=method,
            url=url,
            params=options.get("params", {}),
            headers=options.get("headers"),
            json_data=body,
            extra_json=options.get("extra_json"),
            timeout=options["timeout"] if "timeout" in options else NOT_GIVEN,
            max_retries=options.get("max_retries", NOT_GIVEN),
            multipart=options.get("multipart", False),
        )


def make_request_options(
    *,
    query: Query | None = None,
    extra_headers: RequestHeaders | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    multipart: bool = False,
) -> RequestOptions:
    """Merge a method's query params and the caller's `extra_*` / `timeout` into options."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        if not isinstance(extra_body, Mapping):
            raise TypeError(f"extra_body must be a mapping, got {type(extra_body).__name__}")
        options["extra_json"] = cast(Mapping[str, object], extra_body)
    if query is not None or extra_query is not None:
        options["params"] = {**(query or {}), **(extra_query or {})}
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if not isinstance(max_retries, NotGiven):
        options["max_retries"] = max_retries
    if multipart:
        options["multipart"] = True
    return options


def header_list(value: object, *constants: str) -> List[object]:
    """`[...(value ?? []), ...constants].toString()`: a list header param (`betas`) with the
    values the spec always appends to it; sent comma-joined."""
    items: List[object] = (
        [] if value is None or isinstance(value, NotGiven) else list(cast(Iterable[object], value))
    )
    return [*items, *constants]


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, io.IOBase, os.PathLike)) or (
        isinstance(value, tuple) and len(value) in (2, 3)
    )


def _file_part(value: object) -> Any:
    """An httpx file part: paths are read, with their file name."""
    if isinstance(value, os.PathLike):
        path = pathlib.Path(value)
        return (path.name, path.read_bytes())
    if isinstance(value, tuple) and isinstance(value[1], os.PathLike):
        return (value[0], pathlib.Path(value[1]).read_bytes(), *value[2:])
    return value


def _multipart(body: Mapping[str, object]) -> Tuple[List[Tuple[str, Any]], Dict[str, Any]]:
    """A body with files as multipart/form-data: (file parts, form fields). Lists repeat their
    key; objects are sent as JSON text; booleans lowercase, as in a query string."""
    files: List[Tuple[str, Any]] = []
    data: Dict[str, Any] = {}
    for key, value in body.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        for item in value if isinstance(value, list) else [value]:
            if _is_file(item):
                files.append((key, _file_part(item)))
                continue
            if isinstance(item, bool):
                text = "true" if item else "false"
            elif isinstance(item, (dict, list, pydantic.BaseModel)):
                text = json.dumps(_jsonable(item))
            else:
                text = str(item)
            if isinstance(value, list):
                data.setdefault(key, []).append(text)
            else:
                data[key] = text
    return files, data


def _jsonable(value: object) -> object:
    """A JSON-encodable copy of a request body, without `NotGiven` / `Omit` entries."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            str(key): _jsonable(item)
            for key, item in value.items()
            if not isinstance(item, (NotGiven, Omit))
        }
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def _query_pairs(params: Mapping[str, object]) -> List[Tuple[str, str]]:
    """Query parameters as wire pairs: booleans lowercase, lists as `key[]=a&key[]=b` (the
    TypeScript SDK's `arrayFormat: 'brackets'`), mappings as `key[sub]=v`, None dropped."""

    def encode(item: object) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, (datetime.datetime, datetime.date)):
            return item.isoformat()
        return str(item)

    pairs: List[Tuple[str, str]] = []
    for key, value in params.items():
        if value is None or isinstance(value, (NotGiven, Omit)):
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend((f"{key}[]", encode(item)) for item in value)
        elif isinstance(value, Mapping):
            pairs.extend(_query_pairs({f"{key}[{k}]": v for k, v in value.items()}))
        else:
            pairs.append((key, encode(value)))
    return pairs


def _header_value(value: object) -> str:
    """Header params may be lists (sent comma-separated, e.g. beta flags) or scalars."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_header_value(item) for item in value)
    return str(value)


def _decoder_item_type(cast_to: object) -> object:
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
        self._custom_headers: Dict[str, str | Omit] = dict(custom_headers or {})
        self._custom_query: Dict[str, object] = dict(custom_query or {})

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
    def auth_headers(self) -> Dict[str, str]:
        """Credentials sent with every request; clients override this."""
        return {}

    @property
    def user_agent(self) -> str:
        """`<client class>/Python <package version>`, as the official Python SDKs send it."""
        return f"{type(self).__name__}/Python {self._version}"

    def platform_headers(self) -> Dict[str, str]:
        """The `X-Stainless-*` headers naming this package and platform, if the spec sends them."""
        if not self._sends_platform_headers:
            return {}
        return {**platform_headers(self._version), "X-Stainless-Async": self._async_header}

    @property
    def default_headers(self) -> Dict[str, str | Omit]:
        agent: Dict[str, str] = {"User-Agent": self.user_agent} if self._sends_user_agent else {}
        return {
            "Accept": "application/json",
            **agent,
            **self.platform_headers(),
            **self.auth_headers,
            **self._custom_headers,
        }

    @property
    def default_query(self) -> Dict[str, object]:
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
        layers: Tuple[Mapping[str, object], ...] = (self.default_headers, options.headers or {})
        for layer in layers:
            for name, value in layer.items():
                if isinstance(value, Omit):
                    headers.pop(name, None)
                elif value is not None and not isinstance(value, NotGiven):
                    headers[name] = _header_value(value)
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
        params = tuple(_query_pairs({**fixed, **self.default_query, **options.params}))
        url = self._prepare_url(path)
        if options.multipart and isinstance(body, Mapping):
            files, data = _multipart(body)
            return self._client.build_request(
                options.method.upper(),
                url,
                params=params,
                headers=headers,
                files=files,
                data=data,
                timeout=timeout,
            )
        content: bytes | None = None
        if body is not None:
            content = json.dumps(_jsonable(body)).encode("utf-8")
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

    def _parse_body(self, cast_to: Any, response: httpx.Response) -> Any:
        """Turn a read 2xx response into `cast_to`."""
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


class SyncAPIClient(BaseClient[httpx.Client]):
    """Blocking client on `httpx.Client`."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None = None,
        custom_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._owns_http_client = http_client is None
        self._client = http_client or httpx.Client(timeout=timeout, follow_redirects=True)

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client` (its owner closes it)."""
        if self._owns_http_client:
            self._client.close()

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def request(
        self, cast_to: type[_T], options: FinalRequestOptions, *, stream: bool = False
    ) -> _T:
        """Send with retries; return `cast_to` parsed (or an `APIResponse` in raw/stream mode)."""
        mode = response_mode.get()
        stream = stream or mode == "stream" or self._is_decoder(cast_to)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = self._client.send(request, stream=True)
                if not stream or not response.is_success:
                    try:
                        response.read()
                    except BaseException:
                        response.close()
                        raise
            except httpx.RequestError as err:
                log.debug("Request error: %r", err)
                if retries_taken < max_retries:
                    self._sleep(
                        self._retry_delay(request, retries_taken, max_retries, None, repr(err))
                    )
                    retries_taken += 1
                    continue
                raise self._connection_error(err, request) from err

            log.debug(
                'HTTP Response: %s %s "%d %s"',
                request.method,
                request.url,
                response.status_code,
                response.reason_phrase,
            )
            if response.is_success:
                break
            if retries_taken < max_retries and self._should_retry(response):
                reason = f"status {response.status_code}"
                self._sleep(
                    self._retry_delay(request, retries_taken, max_retries, response.headers, reason)
                )
                retries_taken += 1
                continue
            raise self._make_status_error_from_response(response)

        def parse(raw: httpx.Response) -> Any:
            return self._parse_response(cast_to, raw, options)

        if mode is None and not is_binary(cast_to):
            return cast(_T, parse(response))
        response_class = sync_response_class(cast_to, mode)
        return cast(_T, response_class(raw=response, parser=parse, retries_taken=retries_taken))

    def _parse_response(
        self, cast_to: Any, response: httpx.Response, options: FinalRequestOptions
    ) -> Any:
        if self._is_decoder(cast_to):
            origin = get_origin(cast_to) or cast_to
            if not issubclass(origin, (JSONLDecoder, Stream)):
                raise TypeError("The sync client streams with JSONLDecoder[...] or Stream[...]")
            return origin(response=response, item_type=_decoder_item_type(cast_to))
        if cast_to is httpx.Response:
            return response
        response.read()
        result = self._parse_body(cast_to, response)
        if isinstance(result, BaseSyncPage):
            result._set_private_attributes(self, options)
        return result

    def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        options: RequestOptions | None = None,
        stream: bool = False,
    ) -> _T:
        """GET `path` (relative to `base_url`, or an absolute URL)."""
        return self.request(
            cast_to,
            FinalRequestOptions.build("get", path, body=None, options=options),
            stream=stream,
        )

    def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
        stream: bool = False,
    ) -> _T:
        return self.request(
            cast_to,
            FinalRequestOptions.build("post", path, body=body, options=options),
            stream=stream,
        )

    def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return self.request(
            cast_to, FinalRequestOptions.build("put", path, body=body, options=options)
        )

    def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return self.request(
            cast_to, FinalRequestOptions.build("patch", path, body=body, options=options)
        )

    def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return self.request(
            cast_to, FinalRequestOptions.build("delete", path, body=body, options=options)
        )

    def get_api_list(
        self,
        path: str,
        *,
        model: type[object],
        page: type[SyncPageT],
        body: Body | None = None,
        options: RequestOptions | None = None,
        method: str = "get",
    ) -> SyncPageT:
        """The first page of a list endpoint; iterate it to walk every item of every page.

        `page` is the parametrized page class, e.g. `SyncPage[MessageBatch]`; `model` is
        its item type (kept for symmetry with the official SDK).
        """
        return self.request(
            page, FinalRequestOptions.build(method, path, body=body, options=options)
        )


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Asyncio client on `httpx.AsyncClient`; same behaviour as `SyncAPIClient`."""

    _async_header: ClassVar[str] = "async:asyncio"

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        custom_headers: Mapping[str, str | Omit] | None = None,
        custom_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._owns_http_client = http_client is None
        self._client = http_client or httpx.AsyncClient(timeout=timeout, follow_redirects=True)

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool, unless it was passed in as `http_client` (its owner closes it)."""
        if self._owns_http_client:
            await self._client.aclose()

    async def __aenter__(self: _T) -> _T:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def request(
        self, cast_to: type[_T], options: FinalRequestOptions, *, stream: bool = False
    ) -> _T:
        """Send with retries; return `cast_to` parsed (or an `AsyncAPIResponse` in raw/stream mode)."""
        mode = response_mode.get()
        stream = stream or mode == "stream" or self._is_decoder(cast_to)
        max_retries = self._max_retries(options)
        retries_taken = 0
        while True:
            request = self._build_request(options, retries_taken)
            log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = await self._client.send(request, stream=True)
                if not stream or not response.is_success:
                    try:
                        await response.aread()
                    except BaseException:
                        await response.aclose()
                        raise
            except httpx.RequestError as err:
                log.debug("Request error: %r", err)
                if retries_taken < max_retries:
                    await self._sleep(
                        self._retry_delay(request, retries_taken, max_retries, None, repr(err))
                    )
                    retries_taken += 1
                    continue
                raise self._connection_error(err, request) from err

            log.debug(
                'HTTP Response: %s %s "%d %s"',
                request.method,
                request.url,
                response.status_code,
                response.reason_phrase,
            )
            if response.is_success:
                break
            if retries_taken < max_retries and self._should_retry(response):
                reason = f"status {response.status_code}"
                await self._sleep(
                    self._retry_delay(request, retries_taken, max_retries, response.headers, reason)
                )
                retries_taken += 1
                continue
            raise self._make_status_error_from_response(response)

        async def parse(raw: httpx.Response) -> Any:
            return await self._parse_response(cast_to, raw, options)

        if mode is None and not is_binary(cast_to):
            return cast(_T, await parse(response))
        response_class = async_response_class(cast_to, mode)
        return cast(_T, response_class(raw=response, parser=parse, retries_taken=retries_taken))

    async def _parse_response(
        self, cast_to: Any, response: httpx.Response, options: FinalRequestOptions
    ) -> Any:
        if self._is_decoder(cast_to):
            origin = get_origin(cast_to) or cast_to
            if not issubclass(origin, (AsyncJSONLDecoder, AsyncStream)):
                raise TypeError(
                    "The async client streams with AsyncJSONLDecoder[...] or AsyncStream[...]"
                )
            return origin(response=response, item_type=_decoder_item_type(cast_to))
        if cast_to is httpx.Response:
            return response
        await response.aread()
        result = self._parse_body(cast_to, response)
        if isinstance(result, BaseAsyncPage):
            result._set_private_attributes(self, options)
        return result

    async def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        options: RequestOptions | None = None,
        stream: bool = False,
    ) -> _T:
        """GET `path` (relative to `base_url`, or an absolute URL)."""
        return await self.request(
            cast_to,
            FinalRequestOptions.build("get", path, body=None, options=options),
            stream=stream,
        )

    async def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
        stream: bool = False,
    ) -> _T:
        return await self.request(
            cast_to,
            FinalRequestOptions.build("post", path, body=body, options=options),
            stream=stream,
        )

    async def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return await self.request(
            cast_to, FinalRequestOptions.build("put", path, body=body, options=options)
        )

    async def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return await self.request(
            cast_to, FinalRequestOptions.build("patch", path, body=body, options=options)
        )

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: Body | None = None,
        options: RequestOptions | None = None,
    ) -> _T:
        return await self.request(
            cast_to, FinalRequestOptions.build("delete", path, body=body, options=options)
        )

    def get_api_list(
        self,
        path: str,
        *,
        model: type[_T],
        page: type[AsyncPageT],
        body: Body | None = None,
        options: RequestOptions | None = None,
        method: str = "get",
    ) -> AsyncPaginator[_T, AsyncPageT]:
        """`await` it for the first page, or `async for` over every item of every page."""
        return AsyncPaginator(
            client=self,
            options=FinalRequestOptions.build(method, path, body=body, options=options),
            page_cls=page,
        )
