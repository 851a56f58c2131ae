"""`[tool.codegen]` in pyproject.toml: what to generate, where, and the few facts a spec lacks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen.errors import SpecError
from codegen.ir import Location
from codegen.toml_input import load_toml


@dataclass
class ErrorConfig:
    name: str
    status: int
    parent: str


@dataclass
class Config:
    root: Path
    spec: Path
    out: Path
    templates: Path
    package: str = "anthropic_batches"
    distribution: str = "anthropic-batches"
    version: str = "0.1.0"
    resources: list[str] = field(default_factory=list)
    client_class: str = "Client"
    async_client_class: str = "AsyncClient"
    error_root: str | None = None
    log_env: str | None = None
    default_base_url: str | None = None
    auth_header: str | None = None
    api_key_env: str | None = None
    base_url_env: str | None = None
    route_prefix: str = "/v1"
    routes_file: Path | None = None
    int_fields: list[str] = field(default_factory=list)
    float_fields: list[str] = field(default_factory=list)
    datetime_fields: list[str] = field(default_factory=list)
    string_fields: list[str] = field(default_factory=list)
    extra_errors: list[ErrorConfig] = field(default_factory=list)
    default_timeout: float = 600.0
    default_max_retries: int = 2


_PATHS = ("spec", "out", "templates", "routes_file")


def load_config(pyproject: Path, overrides: dict[str, Any]) -> Config:
    """Read `[tool.codegen]`; paths are relative to the pyproject's folder; flags win."""
    data = load_toml(pyproject, "the codegen config") if pyproject.exists() else {}
    section: dict[str, Any] = dict(data.get("tool", {}).get("codegen", {}))
    root = pyproject.resolve().parent
    raw_errors = section.pop("errors", [])
    known = set(Config.__dataclass_fields__) - {"root", "extra_errors"}
    unknown = sorted(set(section) - known)
    if unknown:
        raise SpecError(
            Location(str(pyproject), 1, 1), f"unknown [tool.codegen] key '{unknown[0]}'"
        )
    values: dict[str, Any] = {k: v for k, v in section.items()}
    for key, value in overrides.items():
        if value is not None:
            values[key] = value
    for key in _PATHS:
        if key in values and values[key] is not None:
            path = Path(values[key])
            values[key] = (
                path
                if path.is_absolute() or (key in overrides and overrides[key] is not None)
                else root / path
            )
    values.setdefault("spec", root / "spec")
    values.setdefault("out", root / "generated")
    values.setdefault("templates", root / "templates")
    errors = [
        ErrorConfig(e["name"], int(e["status"]), e.get("parent", "APIStatusError"))
        for e in raw_errors
    ]
    return Config(root=root, extra_errors=errors, **values)
