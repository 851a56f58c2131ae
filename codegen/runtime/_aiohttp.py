"""An httpx transport on aiohttp, for `DefaultAioHttpClient` (aiohttp is an optional extra).

aiohttp is imported when the first transport is made, never at package import, so the package
runs on httpx and pydantic alone. Its errors become httpx's, so retries and `APIConnectionError`
/ `APITimeoutError` work exactly as on httpx's own transport.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx

__all__ = ["AiohttpTransport", "load_aiohttp"]

MISSING_EXTRA = (
    "To use the aiohttp client you must have installed the package with the `aiohttp` extra"
)


def load_aiohttp() -> Any:
    """The aiohttp module, or the error that says which extra to install."""
    try:
        return importlib.import_module("aiohttp")
    except ImportError as err:
        raise RuntimeError(MISSING_EXTRA) from err


def _transport_error(aiohttp: Any, err: BaseException, request: httpx.Request) -> Exception:
    """The httpx exception that means what the aiohttp one does."""
    if isinstance(err, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        connecting = isinstance(err, getattr(aiohttp, "ConnectionTimeoutError", ()))
        kind = httpx.ConnectTimeout if connecting else httpx.ReadTimeout
        return kind(str(err) or "timed out", request=request)
    if isinstance(err, aiohttp.ClientConnectorError):
        return httpx.ConnectError(str(err), request=request)
    if isinstance(err, aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(str(err), request=request)
    return httpx.ReadError(str(err), request=request)


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, chunk by chunk as it arrives."""

    def __init__(self, aiohttp: Any, response: Any, request: httpx.Request) -> None:
        self._aiohttp = aiohttp
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_chunked(65536):
                yield chunk
        except (TimeoutError, self._aiohttp.ClientError) as err:
            raise _transport_error(self._aiohttp, err, self._request) from err

    async def aclose(self) -> None:
        self._response.release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with one `aiohttp.ClientSession` (made on first use, in the loop)."""

    def __init__(self, **session_kwargs: Any) -> None:
        self._aiohttp = load_aiohttp()
        self._session_kwargs = session_kwargs
        self._session: Any | None = None

    def _timeout(self, extensions: Mapping[str, Any]) -> Any:
        timeout: Mapping[str, float | None] = extensions.get("timeout", {})
        return self._aiohttp.ClientTimeout(
            sock_connect=timeout.get("connect"),
            sock_read=timeout.get("read"),
            connect=timeout.get("pool"),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session is None:
            # httpx decodes content-encoding itself: aiohttp must hand over the raw bytes
            self._session = self._aiohttp.ClientSession(
                auto_decompress=False, **self._session_kwargs
            )
        body = await request.aread()
        try:
            response = await self._session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),
                data=body or None,
                # aiohttp would label a request without a body `application/octet-stream`
                skip_auto_headers=() if "content-type" in request.headers else ("Content-Type",),
                allow_redirects=False,
                timeout=self._timeout(request.extensions),
            )
        except (TimeoutError, self._aiohttp.ClientError) as err:
            raise _transport_error(self._aiohttp, err, request) from err
        return httpx.Response(
            status_code=response.status,
            headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers],
            stream=_ResponseStream(self._aiohttp, response, request),
            request=request,
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
