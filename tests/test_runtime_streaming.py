"""The runtime's streamed bodies (codegen/runtime/_streaming.py) in place: JSON Lines and
server-sent events read over real HTTP as the chunks arrive, however they are cut."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from runtime_http import Reply, serve

from codegen.runtime import _exceptions as errors
from codegen.runtime._async_client import AsyncAPIClient
from codegen.runtime._models import BaseModel
from codegen.runtime._streaming import (
    AsyncJSONLDecoder,
    AsyncStream,
    JSONLDecoder,
    Stream,
    _LineSplitter,
)
from codegen.runtime._sync_client import SyncAPIClient


class Row(BaseModel):
    n: int


def _client(url: str) -> SyncAPIClient:
    return SyncAPIClient(base_url=url, timeout=5.0, max_retries=0)


@given(st.lists(st.binary(max_size=12), max_size=12))
def test_line_splitter_gives_the_same_lines_however_chunked(chunks: list[bytes]) -> None:
    data = b"".join(chunks)
    splitter = _LineSplitter()
    lines = [line for chunk in chunks for line in splitter.feed(chunk)]
    rest = splitter.rest()
    expected = data.split(b"\n")
    assert [line for _, line in lines] == expected[:-1]
    assert [number for number, _ in lines] == list(range(1, len(expected)))
    assert rest == expected[-1]


def test_jsonl_items_arrive_parsed_across_chunk_boundaries() -> None:
    body = [b'{"n": 1}\n{"n"', b': 2}\n\n{"n": 3', b"}\n"]
    with serve(Reply(body=body, headers={"content-type": "application/x-jsonl"})) as (url, _):
        with _client(url).get("/results", cast_to=JSONLDecoder[Row]) as decoder:
            rows = list(decoder)
        assert decoder.http_response.is_closed
    assert rows == [Row(n=1), Row(n=2), Row(n=3)]


def test_jsonl_last_line_without_newline_is_parsed_if_complete() -> None:
    with serve(Reply(body=b'{"n": 1}\n{"n": 2}')) as (url, _):
        assert list(_client(url).get("/r", cast_to=JSONLDecoder[Row])) == [Row(n=1), Row(n=2)]


def test_jsonl_invalid_line_names_its_number() -> None:
    with serve(Reply(body=b'{"n": 1}\nnot json\n{"n": 3}\n')) as (url, _):
        decoder = _client(url).get("/r", cast_to=JSONLDecoder[Row])
        assert next(decoder) == Row(n=1)
        with pytest.raises(errors.JSONLDecodeError) as caught:
            next(decoder)
    assert caught.value.line_number == 2
    assert caught.value.body == "not json"
    assert "Invalid JSON on line 2" in caught.value.message


def test_jsonl_cut_in_the_middle_of_a_line_says_so() -> None:
    with serve(Reply(body=b'{"n": 1}\n{"n": ')) as (url, _):
        with pytest.raises(errors.JSONLDecodeError) as caught:
            list(_client(url).get("/r", cast_to=JSONLDecoder[Row]))
    assert "ended in the middle of line 2" in caught.value.message


def test_jsonl_connection_dropped_mid_stream_is_a_connection_error() -> None:
    with serve(Reply(body=[b'{"n": 1}\n{"n"'], cut_short=True)) as (url, _):
        decoder = _client(url).get("/r", cast_to=JSONLDecoder[Row])
        assert next(decoder) == Row(n=1)
        with pytest.raises(errors.APIConnectionError, match="line 2"):
            next(decoder)


def test_jsonl_error_status_is_raised_before_streaming() -> None:
    with serve(Reply(404, body={"error": "gone"})) as (url, _):
        with pytest.raises(errors.NotFoundError):
            _client(url).get("/r", cast_to=JSONLDecoder[Row])


SSE = [
    b": keep-alive\n\nevent: ping\ndata: {}\n\n",
    b'event: row\ndata: {"n":\ndata:  1}\nid: 7\n\n',
    b'event: row\r\ndata: {"n": 2}\r\n\r\n',
    b"data: [DONE]\n\n",
    b'event: row\ndata: {"n": 99}\n\n',
]


def test_sse_events_parsed_ping_skipped_done_ends() -> None:
    with serve(Reply(body=SSE, headers={"content-type": "text/event-stream"})) as (url, _):
        stream: Any = _client(url).post("/s", cast_to=Stream[Row], stream=True)
        assert list(stream) == [Row(n=1), Row(n=2)]
        assert stream.http_response.is_closed


def test_sse_error_event_raises_with_its_message() -> None:
    body = [b'event: error\ndata: {"error": {"message": "overloaded"}}\n\n']
    with serve(Reply(body=body)) as (url, _):
        with pytest.raises(errors.APIError, match="overloaded"):
            list(_client(url).post("/s", cast_to=Stream[Row], stream=True))


def test_async_jsonl_and_sse() -> None:
    async def main() -> None:
        client = AsyncAPIClient(base_url="http://127.0.0.1:9", timeout=5.0, max_retries=0)
        with serve(Reply(body=[b'{"n": 1}\n', b'{"n": 2}\n'])) as (url, _):
            client.base_url = url
            decoder = await client.get("/r", cast_to=AsyncJSONLDecoder[Row])
            assert [row async for row in decoder] == [Row(n=1), Row(n=2)]
        with serve(Reply(body=SSE)) as (url, _):
            client.base_url = url
            async with await client.post("/s", cast_to=AsyncStream[Row], stream=True) as stream:
                assert [row async for row in stream] == [Row(n=1), Row(n=2)]

    asyncio.run(main())


def test_sync_client_refuses_async_decoders() -> None:
    with serve(Reply(body=b"")) as (url, _):
        with pytest.raises(TypeError, match="sync client"):
            _client(url).get("/r", cast_to=AsyncJSONLDecoder[Row])
