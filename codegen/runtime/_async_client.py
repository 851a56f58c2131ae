"""The asyncio client: same behaviour as the blocking one, on `httpx.AsyncClient`."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar, cast, get_origin

import httpx

from ._base_client import BaseClient, decoder_item_type, log
from ._request_options import FinalRequestOptions
from ._response import async_response_class, is_binary, response_mode
from ._streaming import AsyncJSONLDecoder, AsyncStream
from ._types import Body, Omit, RequestOptions, Timeout
from .pagination import AsyncPageT, AsyncPaginator, BaseAsyncPage

__all__ = ["AsyncAPIClient"]

_T = TypeVar("_T")


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
        # a given `http_client` is handed over, as in the official SDK: closing the client
        # closes it; a `copy()` shares its parent's pool and leaves it open
        self._owns_http_client = True
        self._client = http_client or httpx.AsyncClient(timeout=timeout, follow_redirects=True)

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool (also a given `http_client`), unless it is a copy's shared one."""
        if self._owns_http_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
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
            return origin(response=response, item_type=decoder_item_type(cast_to))
        if cast_to is httpx.Response:
            return response
        await response.aread()
        result = self._parse_body(cast_to, response, options.unwrap)
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
