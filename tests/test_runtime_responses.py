"""The runtime's response classes over real HTTP on 127.0.0.1: binary bodies (read, raw and
streamed, sync and async), strict and loose response validation, `Stream.response`."""

from __future__ import annotations

import asyncio
import pathlib
from typing import Any, Literal

import pytest
from runtime_http import Reply, serve

from codegen.runtime._async_client import AsyncAPIClient
from codegen.runtime._exceptions import APIResponseValidationError
from codegen.runtime._models import BaseModel
from codegen.runtime._response import (
    APIResponse,
    AsyncBinaryAPIResponse,
    AsyncStreamedBinaryAPIResponse,
    BinaryAPIResponse,
    ResponseMode,
    StreamedBinaryAPIResponse,
    response_mode,
)
from codegen.runtime._streaming import Stream
from codegen.runtime._sync_client import SyncAPIClient

PAYLOAD = b'{"foo": "bar"}' * 1000


class Item(BaseModel):
    id: str
    kind: Literal["a", "b"]


def _sync(url: str, **kwargs: Any) -> SyncAPIClient:
    return SyncAPIClient(base_url=url, timeout=5.0, max_retries=0, **kwargs)


def _async(url: str, **kwargs: Any) -> AsyncAPIClient:
    return AsyncAPIClient(base_url=url, timeout=5.0, max_retries=0, **kwargs)


def _in_mode(mode: ResponseMode | None, call: Any) -> Any:
    token = response_mode.set(mode)
    try:
        return call()
    finally:
        response_mode.reset(token)


async def _in_mode_async(mode: ResponseMode | None, call: Any) -> Any:
    token = response_mode.set(mode)
    try:
        return await call()
    finally:
        response_mode.reset(token)


@pytest.mark.parametrize("mode", [None, "raw"])
def test_binary_body_is_read_and_closed(mode: ResponseMode | None, tmp_path: pathlib.Path) -> None:
    with serve(Reply(body=PAYLOAD, headers={"content-type": "application/binary"})) as (url, _):
        got = _in_mode(mode, lambda: _sync(url).get("/f", cast_to=BinaryAPIResponse))
    assert type(got) is BinaryAPIResponse
    assert got.is_closed is True
    assert got.read() == PAYLOAD and got.parse() == PAYLOAD
    assert got.content_type == "application/binary"
    got.write_to_file(tmp_path / "out")
    assert (tmp_path / "out").read_bytes() == PAYLOAD


def test_streamed_binary_body_stays_on_the_wire_until_read(tmp_path: pathlib.Path) -> None:
    with serve(Reply(body=[PAYLOAD[:5000], PAYLOAD[5000:]])) as (url, _):
        got = _in_mode("stream", lambda: _sync(url).get("/f", cast_to=BinaryAPIResponse))
        assert type(got) is StreamedBinaryAPIResponse
        assert got.is_closed is False
        got.stream_to_file(tmp_path / "out", chunk_size=1000)
        assert got.is_closed is True
    assert (tmp_path / "out").read_bytes() == PAYLOAD


def test_async_binary_classes(tmp_path: pathlib.Path) -> None:
    async def run(url: str) -> None:
        read: Any = await _async(url).get("/f", cast_to=BinaryAPIResponse)
        assert type(read) is AsyncBinaryAPIResponse and read.is_closed
        assert await read.json() == {"foo": "bar"}
        raw = await _in_mode_async("raw", lambda: _async(url).get("/f", cast_to=BinaryAPIResponse))
        assert type(raw) is AsyncBinaryAPIResponse and raw.is_closed
        streamed = await _in_mode_async(
            "stream", lambda: _async(url).get("/f", cast_to=AsyncBinaryAPIResponse)
        )
        assert type(streamed) is AsyncStreamedBinaryAPIResponse and not streamed.is_closed
        await streamed.stream_to_file(tmp_path / "out")
        assert streamed.is_closed

    with serve(Reply(body=b'{"foo": "bar"}')) as (url, _):
        asyncio.run(run(url))
    assert (tmp_path / "out").read_bytes() == b'{"foo": "bar"}'


def test_a_json_result_in_raw_mode_stays_an_api_response() -> None:
    with serve(Reply(body={"id": "x", "kind": "a"})) as (url, _):
        got = _in_mode("raw", lambda: _sync(url).get("/i", cast_to=Item))
    assert type(got) is APIResponse
    assert got.parse() == Item(id="x", kind="a")


OFF_SCHEMA = {"id": 1, "kind": "c", "new_field": True}


def test_loose_by_default_builds_off_schema_data_as_sent() -> None:
    with serve(Reply(body=OFF_SCHEMA)) as (url, _):
        got = _sync(url).get("/i", cast_to=Item)
        got_async = asyncio.run(_async(url).get("/i", cast_to=Item))
    items: list[Any] = [got, got_async]  # off-schema values, kept as sent
    assert all(type(item) is Item for item in items)
    assert [(item.id, item.kind, item.model_extra) for item in items] == [
        (1, "c", {"new_field": True})
    ] * 2


def test_strict_validation_raises_on_off_schema_data() -> None:
    with serve(Reply(body=OFF_SCHEMA)) as (url, _):
        with pytest.raises(APIResponseValidationError) as caught:
            _sync(url, _strict_response_validation=True).get("/i", cast_to=Item)
        with pytest.raises(APIResponseValidationError):
            asyncio.run(_async(url, _strict_response_validation=True).get("/i", cast_to=Item))
    assert caught.value.status_code == 200
    assert caught.value.body == OFF_SCHEMA
    assert "kind" in caught.value.message


def test_strict_validation_accepts_valid_data() -> None:
    with serve(Reply(body={"id": "x", "kind": "b", "more": 1})) as (url, _):
        got = _sync(url, _strict_response_validation=True).get("/i", cast_to=Item)
    assert (got.id, got.kind, got.model_extra) == ("x", "b", {"more": 1})


def test_stream_exposes_its_http_response() -> None:
    events = b'event: row\ndata: {"id": "x", "kind": "a"}\n\n'
    with serve(Reply(body=events, headers={"content-type": "text/event-stream"})) as (url, _):
        stream: Any = _sync(url).post("/s", cast_to=Stream[Item], stream=True)
        with stream:
            assert stream.response is stream.http_response
            assert stream.response.status_code == 200
            assert stream.response.headers["content-type"] == "text/event-stream"
