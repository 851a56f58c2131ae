"""Streamed bodies parsed as the bytes arrive: JSON Lines decoders and server-sent events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable, Iterator
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx

from ._exceptions import APIConnectionError, APIError, JSONLDecodeError
from ._models import construct_type

__all__ = ["AsyncJSONLDecoder", "AsyncStream", "JSONLDecoder", "ServerSentEvent", "Stream"]

_T = TypeVar("_T")


class _LineSplitter:
    """Cuts a byte stream into lines in linear time, however the chunks fall.

    Only the current partial line is held, so memory stays flat for any stream length.
    """

    def __init__(self) -> None:
        self._partial: list[bytes] = []
        self.line_number = 0

    def feed(self, chunk: bytes) -> Iterable[tuple[int, bytes]]:
        pieces = chunk.split(b"\n")
        if len(pieces) == 1:
            self._partial.append(chunk)
            return ()
        lines = [b"".join(self._partial) + pieces[0], *pieces[1:-1]]
        self._partial = [pieces[-1]] if pieces[-1] else []
        first = self.line_number + 1
        self.line_number += len(lines)
        return zip(range(first, first + len(lines)), lines)

    def rest(self) -> bytes:
        """What follows the last newline; consumed once the stream has ended."""
        rest, self._partial = b"".join(self._partial), []
        return rest


def _lines(response: httpx.Response, what: str) -> Iterator[tuple[int, bytes, bool]]:
    """(number, line, is the unterminated last line) as the bytes arrive."""
    splitter = _LineSplitter()
    try:
        for chunk in response.iter_bytes():
            for number, line in splitter.feed(chunk):
                yield number, line, False
    except httpx.TransportError as err:
        raise _connection_lost(response, what, splitter.line_number + 1) from err
    rest = splitter.rest()
    if rest.strip():
        yield splitter.line_number + 1, rest, True


async def _alines(response: httpx.Response, what: str) -> AsyncIterator[tuple[int, bytes, bool]]:
    """Async twin of `_lines`."""
    splitter = _LineSplitter()
    try:
        async for chunk in response.aiter_bytes():
            for number, line in splitter.feed(chunk):
                yield number, line, False
    except httpx.TransportError as err:
        raise _connection_lost(response, what, splitter.line_number + 1) from err
    rest = splitter.rest()
    if rest.strip():
        yield splitter.line_number + 1, rest, True


def _connection_lost(response: httpx.Response, what: str, number: int) -> APIConnectionError:
    return APIConnectionError(
        message=f"Connection lost while reading line {number} of {what}.", request=response.request
    )


class _BodyStream(Generic[_T]):
    """What every streamed body shares: items parsed lazily, one pass, closed when exhausted,
    on error, on `close()` or at the end of a `with` block."""

    http_response: httpx.Response

    def __init__(self, *, response: httpx.Response, item_type: Any) -> None:
        self.http_response = response
        self._item_type = item_type
        self._iterator = self._decode()

    @property
    def response(self) -> httpx.Response:
        """The HTTP response being read (the official SDK's name for `http_response`)."""
        return self.http_response

    def _decode(self) -> Iterator[_T]:
        raise NotImplementedError

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def __next__(self) -> _T:
        return next(self._iterator)

    def close(self) -> None:
        """Release the connection without reading the rest of the stream."""
        self.http_response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _AsyncBodyStream(Generic[_T]):
    """Async twin of `_BodyStream`: `async for`, `await close()`, `async with`."""

    http_response: httpx.Response

    def __init__(self, *, response: httpx.Response, item_type: Any) -> None:
        self.http_response = response
        self._item_type = item_type
        self._iterator = self._decode()

    @property
    def response(self) -> httpx.Response:
        """The HTTP response being read (the official SDK's name for `http_response`)."""
        return self.http_response

    def _decode(self) -> AsyncIterator[_T]:
        raise NotImplementedError

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        """Release the connection without reading the rest of the stream."""
        await self.http_response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


class _Parser(Generic[_T]):
    def __init__(self, item_type: Any, response: httpx.Response) -> None:
        self._item_type = item_type
        self._response = response

    def parse(self, number: int, line: bytes, *, last: bool = False) -> _T:
        try:
            value = json.loads(line)
        except ValueError as err:
            text = line.decode("utf-8", "replace")
            where = f"line {number} of the JSONL stream from {self._response.request.url}"
            if last:
                message = (
                    f"The JSONL stream ended in the middle of {where} "
                    f"(no trailing newline and not valid JSON); the response was probably cut short."
                )
            else:
                message = f"Invalid JSON on {where}: {err}; line starts with {text[:200]!r}"
            raise JSONLDecodeError(
                message, request=self._response.request, line_number=number, line=text
            ) from err
        result: _T = construct_type(self._item_type, value)
        return result


class JSONLDecoder(_BodyStream[_T]):
    """Iterates the items of a JSON Lines response, one parsed line at a time.

    Request it with `client.get(url, stream=True, cast_to=JSONLDecoder[Item])`.
    """

    def _decode(self) -> Iterator[_T]:
        parser: _Parser[_T] = _Parser(self._item_type, self.http_response)
        try:
            for number, line, last in _lines(self.http_response, "the JSONL stream"):
                if line.strip():
                    yield parser.parse(number, line, last=last)
        finally:
            self.http_response.close()


class AsyncJSONLDecoder(_AsyncBodyStream[_T]):
    """Async twin of `JSONLDecoder`: `async for item in decoder`."""

    async def _decode(self) -> AsyncIterator[_T]:
        parser: _Parser[_T] = _Parser(self._item_type, self.http_response)
        try:
            async for number, line, last in _alines(self.http_response, "the JSONL stream"):
                if line.strip():
                    yield parser.parse(number, line, last=last)
        finally:
            await self.http_response.aclose()


class ServerSentEvent:
    """One event of a `text/event-stream` body."""

    def __init__(self, event: str | None, data: str, id: str | None) -> None:
        self.event = event
        self.data = data
        self.id = id

    def json(self) -> Any:
        return json.loads(self.data)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data[:80]!r}, id={self.id!r})"


class _SSEDecoder:
    """The server-sent events wire format, a line at a time (blank line = end of an event)."""

    def __init__(self) -> None:
        self._event: str | None = None
        self._data: list[str] = []
        self._id: str | None = None

    def line(self, raw: bytes) -> ServerSentEvent | None:
        text = raw.decode("utf-8", "replace").rstrip("\r")
        if not text:
            if self._event is None and not self._data:
                return None
            sse = ServerSentEvent(self._event, "\n".join(self._data), self._id)
            self._event, self._data = None, []
            return sse
        if text.startswith(":"):
            return None  # a comment (keep-alive)
        name, _, value = text.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id":
            self._id = value
        return None


class _EventParser(Generic[_T]):
    """An event to an item: `ping` skipped, `error` raised, `[DONE]` ends, JSON data parsed."""

    DONE = object()

    def __init__(self, item_type: Any, response: httpx.Response) -> None:
        self._item_type = item_type
        self._response = response

    def parse(self, sse: ServerSentEvent) -> Any:
        if sse.event == "ping":
            return None
        if sse.data.startswith("[DONE]"):
            return self.DONE
        try:
            value = json.loads(sse.data)
        except ValueError as err:
            raise APIError(
                f"Invalid JSON in server-sent event {sse.event!r}: {err}",
                self._response.request,
                body=sse.data,
            ) from err
        if sse.event == "error":
            message = value.get("error", {}).get("message") if isinstance(value, dict) else None
            raise APIError(
                f"The server sent an error event: {message or sse.data[:200]}",
                self._response.request,
                body=value,
            )
        return construct_type(self._item_type, value)


class Stream(_BodyStream[_T]):
    """Iterates the items of a server-sent events response as they arrive.

    Request it with `client.post(path, stream=True, cast_to=Stream[Item])`.
    """

    def _decode(self) -> Iterator[_T]:
        parser: _EventParser[_T] = _EventParser(self._item_type, self.http_response)
        decoder = _SSEDecoder()
        try:
            for _number, line, _last in _lines(self.http_response, "the event stream"):
                sse = decoder.line(line)
                item = parser.parse(sse) if sse is not None else None
                if item is _EventParser.DONE:
                    return
                if item is not None:
                    yield item
        finally:
            self.http_response.close()


class AsyncStream(_AsyncBodyStream[_T]):
    """Async twin of `Stream`: `async for event in stream`."""

    async def _decode(self) -> AsyncIterator[_T]:
        parser: _EventParser[_T] = _EventParser(self._item_type, self.http_response)
        decoder = _SSEDecoder()
        try:
            async for _number, line, _last in _alines(self.http_response, "the event stream"):
                sse = decoder.line(line)
                item = parser.parse(sse) if sse is not None else None
                if item is _EventParser.DONE:
                    return
                if item is not None:
                    yield item
        finally:
            await self.http_response.aclose()
