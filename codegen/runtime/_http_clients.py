"""The httpx clients a user may pass as `http_client=`, with the defaults the package uses.

`DefaultHttpxClient` / `DefaultAsyncHttpxClient` are httpx's clients with this package's
defaults (redirects followed), so passing one to change a setting (a proxy, limits) keeps the
others. `DefaultAioHttpClient` sends through aiohttp (the `aiohttp` extra); without it,
making one raises a `RuntimeError` that names the extra, as the official SDKs do.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._aiohttp import AiohttpTransport

__all__ = ["DefaultAioHttpClient", "DefaultAsyncHttpxClient", "DefaultHttpxClient"]

DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)


def _defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    kwargs.setdefault("follow_redirects", True)
    kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
    return kwargs


class DefaultHttpxClient(httpx.Client):
    """`httpx.Client` with the package's defaults."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """`httpx.AsyncClient` with the package's defaults."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs))


class DefaultAioHttpClient(httpx.AsyncClient):
    """`httpx.AsyncClient` whose transport is aiohttp (install the package's `aiohttp` extra)."""

    def __init__(self, **kwargs: Any) -> None:
        if "transport" not in kwargs:
            kwargs["transport"] = AiohttpTransport()
        super().__init__(**_defaults(kwargs))
