"""The runtime's transport side over real HTTP on 127.0.0.1: the platform and user-agent headers
(sent only when the spec's client sends them), the `Default*Client` classes, and the aiohttp
transport (an optional extra: the package imports without it)."""

from __future__ import annotations

import asyncio
import platform
import subprocess
import sys
from typing import Any, ClassVar, Literal, cast

import httpx
import pytest
from runtime_http import Reply, serve

from codegen.runtime import _aiohttp
from codegen.runtime._async_client import AsyncAPIClient
from codegen.runtime._exceptions import APIConnectionError, APITimeoutError, NotFoundError
from codegen.runtime._http_clients import (
    DefaultAioHttpClient,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
)
from codegen.runtime._models import BaseModel
from codegen.runtime._request_options import make_request_options
from codegen.runtime._response import APIResponse, parsed_responses, response_mode
from codegen.runtime._sync_client import SyncAPIClient
from codegen.runtime._types import NOT_GIVEN, RequestOptions


class Item(BaseModel):
    id: str


class Acme(SyncAPIClient):
    _version: ClassVar[str] = "1.2.3"
    _sends_user_agent: ClassVar[bool] = True
    _sends_platform_headers: ClassVar[bool] = True


class AsyncAcme(AsyncAPIClient):
    _version: ClassVar[str] = "1.2.3"
    _sends_user_agent: ClassVar[bool] = True
    _sends_platform_headers: ClassVar[bool] = True


def test_platform_headers_name_this_package_and_platform() -> None:
    with serve(Reply(body={"id": "x"})) as (url, script):
        Acme(base_url=url, timeout=12.5, max_retries=0).get("/i", cast_to=Item)
        asyncio.run(
            AsyncAcme(base_url=url, timeout=httpx.Timeout(30.0), max_retries=0).get(
                "/i", cast_to=Item
            )
        )
    sync, async_ = (seen.headers for seen in script.seen)
    assert sync["user-agent"] == "Acme/Python 1.2.3"
    assert async_["user-agent"] == "AsyncAcme/Python 1.2.3"
    expected = {
        "x-stainless-lang": "python",
        "x-stainless-package-version": "1.2.3",
        "x-stainless-runtime": platform.python_implementation(),
        "x-stainless-runtime-version": platform.python_version(),
        "x-stainless-retry-count": "0",
    }
    for headers in (sync, async_):
        assert {k: headers[k] for k in expected} == expected
        assert headers["x-stainless-os"] and headers["x-stainless-arch"]
    assert (sync["x-stainless-async"], async_["x-stainless-async"]) == ("false", "async:asyncio")
    assert (sync["x-stainless-timeout"], sync["x-stainless-read-timeout"]) == ("12.5", "12.5")
    assert async_["x-stainless-timeout"] == "30"


def test_a_raw_or_streamed_call_says_so_as_the_official_sdk_does() -> None:
    """`X-Stainless-Raw-Response: raw|stream` on the call made raw, not on a step the method
    reads parsed itself (`parsed_responses`), nor on a plain call."""
    with serve(*(Reply(body={"id": "x"}) for _ in range(4))) as (url, script):
        client = Acme(base_url=url, timeout=5.0, max_retries=0)
        modes: tuple[Literal["raw", "stream"], ...] = ("raw", "stream")
        for mode in modes:
            token = response_mode.set(mode)
            try:
                cast(APIResponse[Item], client.get("/i", cast_to=Item)).close()
            finally:
                response_mode.reset(token)
        token = response_mode.set("raw")
        try:
            with parsed_responses():
                assert client.get("/i", cast_to=Item).id == "x"
        finally:
            response_mode.reset(token)
        client.get("/i", cast_to=Item)
    sent = [seen.headers.get("x-stainless-raw-response") for seen in script.seen]
    assert sent == ["raw", "stream", None, None]


def test_multipart_parts_are_keyed_as_the_js_runtime_keys_them() -> None:
    """Lists as `key[]`, objects as `key[field]`, bare bytes without a file name (httpx would
    call them "upload"), a path with its own name; on both transports alike."""
    body = {
        "files": [b"one", b"two"],
        "file": b"raw",
        "meta": {"kind": "doc", "tags": ["a", "b"], "ok": True},
        "named": ("notes.txt", b"text", "text/plain"),
        "skip": NOT_GIVEN,
    }
    expected = [
        'name="files[]"; content-type=application/octet-stream: one',
        'name="files[]"; content-type=application/octet-stream: two',
        'name="file"; content-type=application/octet-stream: raw',
        'name="meta[kind]": doc',
        'name="meta[tags][]": a',
        'name="meta[tags][]": b',
        'name="meta[ok]": true',
        'name="named"; filename="notes.txt"; content-type=text/plain: text',
    ]
    options = make_request_options(body_kind="multipart")

    async def run(url: str) -> None:
        for http_client in (None, DefaultAioHttpClient()):
            client = AsyncAcme(base_url=url, timeout=5.0, max_retries=0, http_client=http_client)
            await client.post("/up", cast_to=Item, body=body, options=options)
            await client.close()

    with serve(*(Reply(body={"id": "x"}) for _ in range(3))) as (url, script):
        Acme(base_url=url, timeout=5.0, max_retries=0).post(
            "/up", cast_to=Item, body=body, options=options
        )
        asyncio.run(run(url))
    for seen in script.seen:
        assert sorted(_parts(seen.headers["content-type"], seen.body)) == sorted(expected)


def test_each_body_kind_goes_alike_on_both_transports() -> None:
    """A form without files is still multipart/form-data (a `Content-Type` set without a
    boundary is dropped); a raw body goes as given under the call's `Content-Type`; an
    urlencoded body as the `.js`'s `qs` writes it; maybe-multipart is JSON without a file."""
    text = {"Content-Type": "text/plain"}
    calls: list[tuple[object, RequestOptions]] = [
        ({"name": "n", "flags": [True]}, make_request_options(body_kind="multipart")),
        (
            {"name": "n"},
            make_request_options(
                body_kind="multipart", extra_headers={"Content-Type": "application/javascript"}
            ),
        ),
        (b"\x00raw", make_request_options(body_kind="content", extra_headers=text)),
        ("text", make_request_options(body_kind="content", extra_headers=text)),
        (
            {"a": {"b": 1}, "t": ["x", "y"], "ok": False, "skip": NOT_GIVEN},
            make_request_options(body_kind="urlencoded"),
        ),
        ({"note": "x"}, make_request_options(body_kind="maybe-multipart")),
    ]
    expected: list[tuple[str, list[str] | bytes]] = [
        ("multipart", ['name="name": n', 'name="flags[]": true']),
        ("multipart", ['name="name": n']),
        ("text/plain", b"\x00raw"),
        ("text/plain", b"text"),
        ("application/x-www-form-urlencoded", b"a.b=1&t=x&t=y&ok=false"),
        ("application/json", b'{"note": "x"}'),
    ]

    async def send_async(url: str) -> None:
        for http_client in (None, DefaultAioHttpClient()):
            client = AsyncAcme(base_url=url, timeout=5.0, max_retries=0, http_client=http_client)
            for body, options in calls:
                await client.post("/b", cast_to=Item, body=body, options=options)
            await client.close()

    with serve(*(Reply(body={"id": "x"}) for _ in range(3 * len(calls)))) as (url, script):
        client = Acme(base_url=url, timeout=5.0, max_retries=0)
        for body, options in calls:
            client.post("/b", cast_to=Item, body=body, options=options)
        asyncio.run(send_async(url))
    assert len(script.seen) == 3 * len(calls)
    for i, seen in enumerate(script.seen):
        kind, want = expected[i % len(calls)]
        content_type = seen.headers["content-type"]
        if isinstance(want, list):
            assert content_type.startswith("multipart/form-data; boundary="), content_type
            assert sorted(_parts(content_type, seen.body)) == sorted(want)
        else:
            assert (content_type, seen.body) == (kind, want)


def _parts(content_type: str, body: bytes) -> list[str]:
    """Each part of a multipart body as `name="..."[; filename="..."][; content-type=...]: data`."""
    boundary = content_type.split("boundary=", 1)[1].encode()
    out = []
    for raw in body.split(b"--" + boundary)[1:-1]:
        head, _, data = raw.strip(b"\r\n").partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        disposition = lines[0].split("form-data; ", 1)[1]
        kinds = [ln.split(": ", 1)[1] for ln in lines[1:] if ln.lower().startswith("content-type")]
        kind = f"; content-type={kinds[0]}" if kinds else ""
        out.append(f"{disposition}{kind}: {data.decode()}")
    return out


def test_a_spec_without_platform_headers_sends_none() -> None:
    with serve(Reply(body={"id": "x"})) as (url, script):
        SyncAPIClient(base_url=url, timeout=5.0, max_retries=0).get("/i", cast_to=Item)
    headers = script.seen[0].headers
    assert headers["user-agent"].startswith("python-httpx/")
    sent = {k for k in headers if k.startswith("x-stainless-")}
    assert sent == {"x-stainless-retry-count"}


def test_a_call_can_omit_or_override_a_platform_header() -> None:
    with serve(Reply(body={"id": "x"})) as (url, script):
        client = Acme(base_url=url, timeout=5.0, max_retries=0, custom_headers={"User-Agent": "me"})
        client.get("/i", cast_to=Item)
    assert script.seen[0].headers["user-agent"] == "me"


def test_default_httpx_clients_follow_redirects() -> None:
    moved, found = Reply(307, headers={"location": "/there"}), Reply(body={"id": "x"})
    with serve(moved, found, moved, found) as (url, s):
        got = Acme(base_url=url, timeout=5.0, max_retries=0, http_client=DefaultHttpxClient()).get(
            "/here", cast_to=Item
        )
        assert got.id == "x"
        client = AsyncAcme(
            base_url=url, timeout=5.0, max_retries=0, http_client=DefaultAsyncHttpxClient()
        )
        assert asyncio.run(client.get("/here", cast_to=Item)).id == "x"
    assert [seen.path for seen in s.seen] == ["/here", "/there", "/here", "/there"]


def _aio(url: str, **kwargs: Any) -> AsyncAcme:
    return AsyncAcme(base_url=url, timeout=5.0, http_client=DefaultAioHttpClient(), **kwargs)


def test_aiohttp_client_sends_and_parses_with_retries() -> None:
    pytest.importorskip("aiohttp")

    async def run(url: str) -> tuple[Item, Item]:
        client = _aio(url, max_retries=1)
        client._sleep = _no_sleep  # type: ignore[method-assign]
        first = await client.post("/i", cast_to=Item, body={"name": "é" * 3})
        second = await client.get("/i", cast_to=Item)
        await client.close()
        return first, second

    replies = (Reply(503), Reply(body={"id": "x"}), Reply(body=[b'{"id"', b': "y"}']))
    with serve(*replies) as (url, script):
        first, second = asyncio.run(run(url))
    assert (first.id, second.id) == ("x", "y")
    assert [seen.method for seen in script.seen] == ["POST", "POST", "GET"]
    assert script.seen[1].body == b'{"name": "\\u00e9\\u00e9\\u00e9"}'
    assert script.seen[1].headers["x-stainless-retry-count"] == "1"
    assert script.seen[1].headers["user-agent"] == "AsyncAcme/Python 1.2.3"


def test_aiohttp_and_httpx_send_the_same_content_type() -> None:
    """A request without a body carries no content type on either transport (aiohttp would
    add `application/octet-stream`); one with a JSON body says so on both."""
    pytest.importorskip("aiohttp")

    async def run(url: str, client: AsyncAcme) -> None:
        await client.post("/i", cast_to=Item)
        await client.delete("/i", cast_to=Item)
        await client.post("/i", cast_to=Item, body={"a": 1})
        await client.close()

    with serve(*(Reply(body={"id": "x"}) for _ in range(6))) as (url, script):
        asyncio.run(run(url, _aio(url, max_retries=0)))
        asyncio.run(run(url, AsyncAcme(base_url=url, timeout=5.0, max_retries=0)))
    types = [seen.headers.get("content-type") for seen in script.seen]
    assert types == [None, None, "application/json"] * 2


async def _no_sleep(seconds: float) -> None:
    return None


def test_aiohttp_client_maps_errors() -> None:
    pytest.importorskip("aiohttp")

    async def status(url: str) -> None:
        await _aio(url, max_retries=0).get("/i", cast_to=Item)

    with serve(Reply(404, body={"error": {"message": "gone"}})) as (url, _):
        with pytest.raises(NotFoundError):
            asyncio.run(status(url))
    with serve(Reply(body={"id": "x"}, delay=2.0)) as (url, _):
        slow = AsyncAcme(
            base_url=url, timeout=0.3, max_retries=0, http_client=DefaultAioHttpClient()
        )
        with pytest.raises(APITimeoutError):
            asyncio.run(slow.get("/i", cast_to=Item))
    with serve(Reply()) as (url, _):
        pass  # the port is closed now
    with pytest.raises(APIConnectionError):
        asyncio.run(status(url))


def test_aiohttp_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # makes `import aiohttp` fail
    with pytest.raises(RuntimeError, match="aiohttp` extra"):
        DefaultAioHttpClient()


def test_the_runtime_imports_without_aiohttp() -> None:
    code = (
        "import sys; import codegen.runtime._http_clients, codegen.runtime._async_client;"
        "assert 'aiohttp' not in sys.modules, 'aiohttp imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert _aiohttp.MISSING_EXTRA.endswith("the `aiohttp` extra")
