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
    # the content-hash cache (formatted output, parsed files, run stamps) and fetched packages
    cache: Path = Path(".codegen-cache")
    # globs (relative to `spec`) selecting the spec files; empty: every .d.ts under it
    include: list[str] = field(default_factory=list)
    # a target whose spec is an npm package: `codegen fetch` puts the `include`d files of
    # `<npm_package>@<npm_version>` (checked against `npm_sha256`) under `cache`, as its `spec`
    npm_package: str | None = None
    npm_version: str | None = None
    npm_sha256: str | None = None
    target: str | None = None  # the [tool.codegen.targets.<name>] read, None: [tool.codegen]

    @property
    def section(self) -> str:
        return "[tool.codegen]" if self.target is None else f"[tool.codegen.targets.{self.target}]"

    @property
    def fetched_dir(self) -> Path | None:
        """`<cache>/<npm name>-<version>` of an npm target, where `codegen fetch` unpacks it."""
        if self.npm_package is None or self.npm_version is None:
            return None
        return fetched_dir(self.cache, self.npm_package, self.npm_version)


def npm_slug(package: str) -> str:
    """`@anthropic-ai/sdk` -> `anthropic-ai-sdk`, as `npm pack` names its tarball."""
    return package.removeprefix("@").replace("/", "-")


def fetched_dir(cache: Path, package: str, version: str) -> Path:
    return cache / f"{npm_slug(package)}-{version}"


_PATHS = ("spec", "out", "templates", "routes_file", "cache")
_NPM_KEYS = ("npm_package", "npm_version", "npm_sha256")


def target_names(pyproject: Path) -> list[str]:
    """The named targets of `[tool.codegen.targets]`, sorted."""
    data = load_toml(pyproject, "the codegen config") if pyproject.exists() else {}
    targets = data.get("tool", {}).get("codegen", {}).get("targets", {})
    return sorted(targets) if isinstance(targets, dict) else []


def load_config(pyproject: Path, overrides: dict[str, Any], target: str | None = None) -> Config:
    """Read `[tool.codegen]`, or the named target `[tool.codegen.targets.<target>]` over it (a
    target inherits every key it does not set); paths are relative to the pyproject's folder;
    flags win."""
    data = load_toml(pyproject, "the codegen config") if pyproject.exists() else {}
    section: dict[str, Any] = dict(data.get("tool", {}).get("codegen", {}))
    root = pyproject.resolve().parent
    where = Location(str(pyproject), 1, 1)
    targets = section.pop("targets", {})
    if not isinstance(targets, dict):
        raise SpecError(where, "[tool.codegen.targets] must be a table of targets")
    known = (set(Config.__dataclass_fields__) - {"root", "extra_errors", "target"}) | {"errors"}
    _check_keys(section, known, "[tool.codegen]", where)
    _check_npm(section, section, "[tool.codegen]", where)
    if target is not None:
        if target not in targets or not isinstance(targets[target], dict):
            names = ", ".join(sorted(targets)) or "none"
            raise SpecError(
                where, f"no target '{target}' in [tool.codegen.targets] (known: {names})"
            )
        own = dict(targets[target])
        _check_keys(own, known, f"[tool.codegen.targets.{target}]", where)
        section.update(own)
        _check_npm(own, section, f"[tool.codegen.targets.{target}]", where)
    raw_errors = section.pop("errors", [])
    values: dict[str, Any] = {k: v for k, v in section.items()}
    if values.get("npm_package") is not None:
        missing = [k for k in _NPM_KEYS if not values.get(k)]
        if missing:
            raise SpecError(where, f"npm_package is set but '{missing[0]}' is not")
        values.pop("spec", None)  # inherited from [tool.codegen]; the fetched folder replaces it
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
    values.setdefault("out", root / "generated")
    values.setdefault("templates", root / "templates")
    values.setdefault("cache", root / ".codegen-cache")
    if "spec" not in values:
        package, version = values.get("npm_package"), values.get("npm_version")
        values["spec"] = (
            fetched_dir(values["cache"], package, version) / "spec"
            if package and version
            else root / "spec"
        )
    errors = [
        ErrorConfig(e["name"], int(e["status"]), e.get("parent", "APIStatusError"))
        for e in raw_errors
    ]
    return Config(root=root, extra_errors=errors, target=target, **values)


def _check_npm(own: dict[str, Any], merged: dict[str, Any], name: str, where: Location) -> None:
    if "spec" in own and merged.get("npm_package") is not None:
        raise SpecError(
            where,
            f"{name} sets 'spec' for an npm target; its spec is what `codegen fetch` unpacks",
        )


def _check_keys(section: dict[str, Any], known: set[str], name: str, where: Location) -> None:
    unknown = sorted(set(section) - known)
    if unknown:
        raise SpecError(where, f"unknown {name} key '{unknown[0]}'")
