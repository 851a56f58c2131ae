"""The runtime's transport side over real HTTP on 127.0.0.1: the platform and user-agent headers
(sent only when the spec's client sends them), the `Default*Client` classes, and the aiohttp
transport (an optional extra: the package imports without it)."""

from __future__ import annotations

import asyncio
import platform
import subprocess
import sys
from typing import Any, ClassVar

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
from codegen.runtime._sync_client import SyncAPIClient


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
