"""A small TOML file that gives routes the `.js` cannot: `"messages.batches.cancel" = "POST /v1/..."`."""

from __future__ import annotations

import tomllib
from pathlib import Path

from codegen.errors import SpecError
from codegen.ir import Location


def read_routes_file(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(None, f"{path}: cannot read routes file: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(Location(str(path), exc.lineno, exc.colno), f"invalid TOML: {exc.msg}") from None
    routes = data.get("routes", data)
    bad = [k for k, v in routes.items() if not isinstance(v, str) or " " not in v.strip()]
    if bad:
        raise SpecError(Location(str(path), 1, 1), f"expected 'VERB /path' strings, got a bad value for {bad[0]!r}")
    return {str(k): str(v) for k, v in routes.items()}
