"""Raw HTTP responses, returned by `.with_raw_response` / `.with_streaming_response` calls."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import os
import pathlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, Literal, TypeVar

import httpx

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncBinaryAPIResponse",
    "AsyncResponseContextManager",
    "AsyncStreamedBinaryAPIResponse",
    "BinaryAPIResponse",
    "ResponseContextManager",
    "StreamedBinaryAPIResponse",
    "parsed_responses",
]

_R = TypeVar("_R")

ResponseMode = Literal["raw", "stream"]
# Set by the raw/streaming proxies around one call: the client then returns an
# `APIResponse` instead of the parsed object ("stream": without reading the body).
response_mode: contextvars.ContextVar[ResponseMode | None] = contextvars.ContextVar(
    "response_mode", default=None
)


@contextlib.contextmanager
def parsed_responses() -> Iterator[None]:
    """A step that a method reads itself (the `retrieve` before a follow-up request) gets
    the parsed object even inside a raw/streaming call: only the method's own result is raw."""
    token = response_mode.set(None)
    try:
        yield
    finally:
        response_mode.reset(token)


class _BaseAPIResponse:
    http_response: httpx.Response
    retries_taken: int

    def __init__(self, *, raw: httpx.Response, retries_taken: int) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.http_response.headers.get("request-id")
        return request_id

    @property
    def content_type(self) -> str | None:
        value: str | None = self.http_response.headers.get("content-type")
        return value

    @property
    def is_closed(self) -> bool:
        """True once the body has been read to the end (or the response closed)."""
        return self.http_response.is_closed

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}]"
            f" {self.http_request.method} {self.url}>"
        )


class APIResponse(_BaseAPIResponse, Generic[_R]):
    """An HTTP response whose body `parse()` turns into what the method normally returns."""

    def __init__(
        self, *, raw: httpx.Response, parser: Callable[[httpx.Response], _R], retries_taken: int
    ) -> None:
        super().__init__(raw=raw, retries_taken=retries_taken)
        self._parser = parser
        self._parsed: list[_R] = []

    def parse(self) -> _R:
        """The object the method returns without `.with_raw_response` (computed once)."""
        if not self._parsed:
            self._parsed.append(self._parser(self.http_response))
        return self._parsed[0]

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse, Generic[_R]):
    """Async twin of `APIResponse`: `await response.parse()`."""

    def __init__(
        self,
        *,
        raw: httpx.Response,
        parser: Callable[[httpx.Response], Awaitable[_R]],
        retries_taken: int,
    ) -> None:
        super().__init__(raw=raw, retries_taken=retries_taken)
        self._parser = parser
        self._parsed: list[_R] = []

    async def parse(self) -> _R:
        """The object the method returns without `.with_raw_response` (computed once)."""
        if not self._parsed:
            self._parsed.append(await self._parser(self.http_response))
        return self._parsed[0]

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        return json.loads(await self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager:
    """Makes the request on `__enter__` (body left unread) and closes it on `__exit__`."""

    def __init__(self, request: Callable[[], Any]) -> None:
        self._request = request
        self._response: APIResponse[Any] | None = None

    def __enter__(self) -> APIResponse[Any]:
        token = response_mode.set("stream")
        try:
            self._response = self._request()
        finally:
            response_mode.reset(token)
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager:
    """Async twin of `ResponseContextManager`: `async with ... as response`."""

    def __init__(self, request: Callable[[], Awaitable[Any]]) -> None:
        self._request = request
        self._response: AsyncAPIResponse[Any] | None = None

    async def __aenter__(self) -> AsyncAPIResponse[Any]:
        token = response_mode.set("stream")
        try:
            self._response = await self._request()
        finally:
            response_mode.reset(token)
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


class BinaryAPIResponse(APIResponse[bytes]):
    """A binary body (a file download), read before it is returned: `parse()` gives the bytes."""

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file` (its whole content, already in memory)."""
        with open(file, "wb") as out:
            out.write(self.read())


class StreamedBinaryAPIResponse(APIResponse[bytes]):
    """A binary body left on the wire (`.with_streaming_response`): stream it to a file."""

    def stream_to_file(
        self, file: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        """Write the body to `file` chunk by chunk as it arrives, in flat memory."""
        with open(file, "wb") as out:
            out.writelines(self.iter_bytes(chunk_size))


class AsyncBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """Async twin of `BinaryAPIResponse`."""

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        content = await self.read()
        await asyncio.to_thread(pathlib.Path(file).write_bytes, content)


class AsyncStreamedBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """Async twin of `StreamedBinaryAPIResponse`."""

    async def stream_to_file(
        self, file: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        out = await asyncio.to_thread(open, file, "wb")  # not opened on the event loop
        try:
            async for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)
        finally:
            out.close()


_BINARY = (
    BinaryAPIResponse,
    StreamedBinaryAPIResponse,
    AsyncBinaryAPIResponse,
    AsyncStreamedBinaryAPIResponse,
)


def is_binary(cast_to: object) -> bool:
    """Whether a method's `cast_to` asks for a binary body (any of the four classes)."""
    return isinstance(cast_to, type) and issubclass(cast_to, _BINARY)


def sync_response_class(cast_to: object, mode: ResponseMode | None) -> type[APIResponse[Any]]:
    """What a sync call returns unparsed: binary bodies as their own classes (read, or left on
    the wire under `.with_streaming_response`), everything else as `APIResponse`."""
    if not is_binary(cast_to):
        return APIResponse
    return StreamedBinaryAPIResponse if mode == "stream" else BinaryAPIResponse


def async_response_class(cast_to: object, mode: ResponseMode | None) -> type[AsyncAPIResponse[Any]]:
    """Async twin of `sync_response_class`."""
    if not is_binary(cast_to):
        return AsyncAPIResponse
    return AsyncStreamedBinaryAPIResponse if mode == "stream" else AsyncBinaryAPIResponse
