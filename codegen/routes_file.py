"""A small TOML file that gives routes the `.js` cannot: `"messages.batches.cancel" = "POST /v1/..."`."""

from __future__ import annotations

from pathlib import Path

from codegen.errors import SpecError
from codegen.ir import Location
from codegen.toml_input import load_toml


def read_routes_file(path: Path) -> dict[str, str]:
    data = load_toml(path, "routes file")
    routes = data.get("routes", data)
    bad = [k for k, v in routes.items() if not isinstance(v, str) or " " not in v.strip()]
    if bad:
        raise SpecError(
            Location(str(path), 1, 1),
            f"expected 'VERB /path' strings, got a bad value for {bad[0]!r}",
        )
    return {str(k): str(v) for k, v in routes.items()}
