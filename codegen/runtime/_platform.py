"""The `X-Stainless-*` platform headers: what the client runs on, sent with every request when
the spec's own client sends them (its `.js` spreads `getPlatformHeaders()` into each request)."""

from __future__ import annotations

import platform
import sys
from functools import cache

import httpx

from ._types import Timeout

__all__ = ["platform_headers", "timeout_headers"]


def _os() -> str:
    # platform.system() rather than platform.platform(): the latter shells out to `uname -p`
    try:
        system = platform.system().lower()
        machine = platform.machine().lower()
        release = platform.release().lower()
    except (OSError, ValueError, AttributeError):  # an exotic interpreter must not break requests
        return "Unknown"
    if system in ("ios", "ipados") or machine.startswith(("iphone", "ipad")):
        return "iOS"
    if system == "android" or hasattr(sys, "getandroidapilevel") or "android" in release:
        return "Android"
    known = {
        "darwin": "MacOS",
        "windows": "Windows",
        "linux": "Linux",
        "freebsd": "FreeBSD",
        "openbsd": "OpenBSD",
    }
    if system in known:
        return known[system]
    return f"Other:{system}" if system else "Unknown"


def _arch() -> str:
    try:
        machine = platform.machine().lower()
    except (OSError, ValueError, AttributeError):
        return "unknown"
    if machine in ("arm64", "aarch64"):
        return "arm64"
    if machine == "arm":
        return "arm"
    if machine in ("x86_64", "amd64"):
        return "x64"
    if sys.maxsize <= 2**32:
        return "x32"
    return f"other:{machine}" if machine else "unknown"


@cache
def platform_headers(version: str) -> dict[str, str]:
    """The headers naming language, package version, OS, CPU and interpreter (computed once)."""
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": version,
        "X-Stainless-OS": _os(),
        "X-Stainless-Arch": _arch(),
        "X-Stainless-Runtime": platform.python_implementation(),
        "X-Stainless-Runtime-Version": platform.python_version(),
    }


def timeout_headers(timeout: Timeout) -> dict[str, str]:
    """`X-Stainless-Timeout` / `-Read-Timeout`: the seconds this attempt may take (the read
    timeout of an `httpx.Timeout`); none when there is no limit."""
    seconds = timeout.read if isinstance(timeout, httpx.Timeout) else timeout
    if seconds is None:
        return {}
    text = f"{seconds:g}" if isinstance(seconds, float) else str(seconds)
    return {"X-Stainless-Timeout": text, "X-Stainless-Read-Timeout": text}
