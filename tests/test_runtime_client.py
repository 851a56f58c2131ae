"""The runtime's clients (codegen/runtime/_base_client.py, _sync_client.py, _async_client.py) in
place, over real HTTP on 127.0.0.1:
retries and their backoff, status errors mapped to classes, connection errors, request building
and response parsing."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Literal

import httpx
import pytest
from runtime_http import Reply, serve

from codegen.runtime import _exceptions as errors
from codegen.runtime._async_client import AsyncAPIClient
from codegen.runtime._base_client import make_request_options
from codegen.runtime._models import BaseModel
from codegen.runtime._response import APIResponse, response_mode
from codegen.runtime._sync_client import SyncAPIClient
from codegen.runtime._types import Omit


class Item(BaseModel):
    id: str
    kind: Literal["a", "b"]


class Client(SyncAPIClient):
    """Sleeps are recorded, not slept."""

    def __init__(self, base_url: str, max_retries: int = 2, **kwargs: Any) -> None:
        super().__init__(base_url=base_url, timeout=5.0, max_retries=max_retries, **kwargs)
        self.slept: list[float] = []

    def _sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


class AsyncClient(AsyncAPIClient):
    def __init__(self, base_url: str, max_retries: int = 2) -> None:
        super().__init__(base_url=base_url, timeout=5.0, max_retries=max_retries)
        self.slept: list[float] = []

    async def _sleep(self, seconds: float) -> None:
        self.slept.append(seconds)


def test_retries_a_retryable_status_then_parses() -> None:
    item = {"id": "x", "kind": "a"}
    with serve(Reply(503), Reply(429, headers={"retry-after": "2"}), Reply(body=item)) as (
        url,
        script,
    ):
        client = Client(url)
        got = client.get("/v1/items/x", cast_to=Item)
    assert got == Item(id="x", kind="a")
    assert [s.headers["x-stainless-retry-count"] for s in script.seen] == ["0", "1", "2"]
    assert len(client.slept) == 2
    assert 0.375 <= client.slept[0] <= 0.5  # backoff with jitter
    assert client.slept[1] == 2.0  # the server's retry-after


def test_gives_up_after_max_retries_with_the_mapped_error() -> None:
    with serve(Reply(529, body={"error": {"message": "busy"}}, headers={"request-id": "r1"})) as (
        url,
        script,
    ):
        client = Client(url, max_retries=3)
        with pytest.raises(errors.OverloadedError) as caught:
            client.post("/v1/items", cast_to=Item, body={"a": 1})
    assert len(script.seen) == 4
    err = caught.value
    assert isinstance(err, errors.InternalServerError)
    assert isinstance(err, errors.PackageError)
    assert (err.status_code, err.request_id) == (529, "r1")
    assert err.body == {"error": {"message": "busy"}}
    assert "busy" in err.message


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (404, errors.NotFoundError),
        (422, errors.UnprocessableEntityError),
        (502, errors.InternalServerError),  # no exact class: the >= 500 range
        (503, errors.ServiceUnavailableError),
        (418, errors.APIStatusError),  # nothing declared
    ],
)
def test_status_maps_to_the_most_specific_class(status: int, cls: type[Exception]) -> None:
    with serve(Reply(status, body=b"plain text")) as (url, script):
        with pytest.raises(errors.APIStatusError) as caught:
            Client(url, max_retries=0).get("/x", cast_to=Item)
    assert type(caught.value) is cls
    assert caught.value.body == "plain text"
    assert len(script.seen) == 1


def test_should_retry_header_overrides_the_status() -> None:
    with serve(Reply(500, headers={"x-should-retry": "false"}), Reply(body={})) as (url, script):
        with pytest.raises(errors.InternalServerError):
            Client(url).get("/x", cast_to=object)
    assert len(script.seen) == 1
    with serve(Reply(400, headers={"x-should-retry": "true"}), Reply(body=[1])) as (url, script):
        assert Client(url).get("/x", cast_to=list) == [1]
    assert len(script.seen) == 2


def test_connection_refused_is_a_connection_error_after_retries() -> None:
    with serve(Reply()) as (url, _):
        pass  # the port is closed again
    client = Client(url, max_retries=1)
    with pytest.raises(errors.APIConnectionError) as caught:
        client.get("/x", cast_to=object)
    assert not isinstance(caught.value, errors.APITimeoutError)
    assert len(client.slept) == 1


def test_a_slow_server_is_a_timeout() -> None:
    with serve(Reply(body=[b"{", b"}"], delay=2.0)) as (url, _):
        client = Client(url, max_retries=0)
        client.timeout = httpx.Timeout(0.2)
        with pytest.raises(errors.APITimeoutError):
            client.get("/x", cast_to=object)


def test_request_carries_query_headers_and_json_body() -> None:
    with serve(Reply(body={"id": "1", "kind": "b"})) as (url, script):
        client = Client(
            url + "/base", custom_headers={"x-team": "t", "Accept": Omit()}, custom_query={"v": 1}
        )
        options = make_request_options(
            query={"tags": ["a", "b"], "flag": True, "skip": None, "f": {"x": 1}},
            extra_headers={"x-beta": ["b1", "b2"], "x-team": Omit()},
            extra_body={"extra": 1},
        )
        client.post("/v1/items?fixed=1", cast_to=Item, body={"name": "n"}, options=options)
    seen = script.seen[0]
    assert seen.method == "POST"
    assert seen.path == (
        "/base/v1/items?fixed=1&v=1&tags%5B%5D=a&tags%5B%5D=b&flag=true&f%5Bx%5D=1"
    )
    assert seen.headers["x-beta"] == "b1,b2"
    assert "x-team" not in seen.headers
    assert seen.headers["accept"] == "*/*"  # ours omitted: httpx's default
    assert seen.headers["content-type"] == "application/json"
    assert json.loads(seen.body) == {"name": "n", "extra": 1}


def test_invalid_json_in_a_success_is_a_validation_error() -> None:
    with serve(Reply(body=b"{not json")) as (url, _):
        with pytest.raises(errors.APIResponseValidationError) as caught:
            Client(url).get("/x", cast_to=Item)
    assert caught.value.status_code == 200
    assert "could not be decoded" in caught.value.message


def test_empty_body_of_a_nullable_result_is_none() -> None:
    with serve(Reply(body=b"")) as (url, _):
        assert Client(url).get("/x", cast_to=Item | None) is None  # type: ignore[arg-type]


def test_raw_mode_returns_the_response_and_parses_on_demand() -> None:
    with serve(Reply(body={"id": "1", "kind": "a"}, headers={"request-id": "req"})) as (url, _):
        token = response_mode.set("raw")
        try:
            raw: Any = Client(url).get("/x", cast_to=Item)
        finally:
            response_mode.reset(token)
    assert isinstance(raw, APIResponse)
    assert (raw.status_code, raw.request_id, raw.retries_taken) == (200, "req", 0)
    assert raw.parse() == Item(id="1", kind="a")
    assert raw.parse() is raw.parse()


def test_async_client_retries_and_maps_errors() -> None:
    async def main() -> None:
        with serve(Reply(500), Reply(body={"id": "2", "kind": "b"})) as (url, script):
            client = AsyncClient(url)
            assert await client.get("/x", cast_to=Item) == Item(id="2", kind="b")
            assert len(script.seen) == 2 and len(client.slept) == 1
        with serve(Reply(401, body={"error": "no"})) as (url, _):
            with pytest.raises(errors.AuthenticationError):
                await AsyncClient(url).get("/x", cast_to=Item)

    asyncio.run(main())


def test_retry_after_parsing() -> None:
    parse = SyncAPIClient._parse_retry_after
    assert parse(httpx.Headers({"retry-after-ms": "1500"})) == 1.5
    assert parse(httpx.Headers({"retry-after": "3"})) == 3.0
    assert parse(httpx.Headers({"retry-after": "soon"})) is None
    date = parse(httpx.Headers({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}))
    assert date is not None and date < 0
    client = Client("http://127.0.0.1:9")
    # a wait past the cap is ignored in favour of the capped backoff
    delay = client._calculate_retry_timeout(10, httpx.Headers({"retry-after": "600"}))
    assert 6.0 <= delay <= 8.0
