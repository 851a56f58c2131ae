"""Base classes of the generated resources, and the raw/streaming response proxies."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from ._response import (
    AsyncAPIResponse,
    AsyncResponseContextManager,
    ResponseContextManager,
    response_mode,
)

if TYPE_CHECKING:
    from ._async_client import AsyncAPIClient
    from ._sync_client import SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource"]

_Mode = Literal["raw", "stream"]


class SyncAPIResource:
    """A group of endpoints; `self._get(...)` etc. forward to the client."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self._get = client.get
        self._post = client.post
        self._put = client.put
        self._patch = client.patch
        self._delete = client.delete
        self._get_api_list = client.get_api_list

    @property
    def with_raw_response(self) -> Any:
        """The same methods, returning an `APIResponse` (headers, status, `.parse()`)."""
        return _SyncProxy(self, "raw")

    @property
    def with_streaming_response(self) -> Any:
        """The same methods, returning a context manager around an unread `APIResponse`."""
        return _SyncProxy(self, "stream")


class AsyncAPIResource:
    """A group of endpoints; `await self._get(...)` etc. forward to the client."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self._get = client.get
        self._post = client.post
        self._put = client.put
        self._patch = client.patch
        self._delete = client.delete
        self._get_api_list = client.get_api_list

    @property
    def with_raw_response(self) -> Any:
        """The same methods, returning an `AsyncAPIResponse` (headers, status, `await .parse()`)."""
        return _AsyncProxy(self, "raw")

    @property
    def with_streaming_response(self) -> Any:
        """The same methods, returning an async context manager around an unread response."""
        return _AsyncProxy(self, "stream")


class _SyncProxy:
    """Wraps every public method of a resource; sub-resources get proxied too."""

    def __init__(self, resource: SyncAPIResource, mode: _Mode) -> None:
        self._resource = resource
        self._mode: _Mode = mode

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._resource, name)
        if isinstance(attr, SyncAPIResource):
            return _SyncProxy(attr, self._mode)
        if name.startswith("_") or not callable(attr):
            return attr
        method: Callable[..., Any] = attr

        if self._mode == "stream":

            @functools.wraps(method)
            def streamed(*args: Any, **kwargs: Any) -> ResponseContextManager:
                return ResponseContextManager(lambda: method(*args, **kwargs))

            return streamed

        @functools.wraps(method)
        def raw(*args: Any, **kwargs: Any) -> Any:
            token = response_mode.set("raw")
            try:
                return method(*args, **kwargs)
            finally:
                response_mode.reset(token)

        return raw


class _AsyncProxy:
    """Async twin of `_SyncProxy`; also handles list methods returning an `AsyncPaginator`."""

    def __init__(self, resource: AsyncAPIResource, mode: _Mode) -> None:
        self._resource = resource
        self._mode: _Mode = mode

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._resource, name)
        if isinstance(attr, AsyncAPIResource):
            return _AsyncProxy(attr, self._mode)
        if name.startswith("_") or not callable(attr):
            return attr
        method: Callable[..., Any] = attr

        async def call(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            return await result if inspect.isawaitable(result) else result

        if self._mode == "stream":

            @functools.wraps(method)
            def streamed(*args: Any, **kwargs: Any) -> AsyncResponseContextManager:
                return AsyncResponseContextManager(lambda: call(*args, **kwargs))

            return streamed

        @functools.wraps(method)
        async def raw(*args: Any, **kwargs: Any) -> AsyncAPIResponse[Any]:
            token = response_mode.set("raw")
            try:
                response: AsyncAPIResponse[Any] = await call(*args, **kwargs)
                return response
            finally:
                response_mode.reset(token)

        return raw
