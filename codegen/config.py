"""`[tool.codegen]` in pyproject.toml: what to generate, where, and the few facts a spec lacks."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codegen.config_schema import SCHEMA, check_section, check_value, toml_type
from codegen.errors import SpecError
from codegen.toml_input import load_toml_text
from codegen.toml_locate import Positions, positions

if TYPE_CHECKING:
    from codegen.ir import Location  # imported where an error needs it: a warm run never does


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
    # a folder whose templates replace the built-in ones of the same name (None: built-in only)
    templates: Path | None = None
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
    strict: bool = False  # `generate`/`check` exit 1 when the spec gave any warning (for CI)
    # where each key set in the pyproject is (a flag's value has none), for later errors
    where: dict[str, Location] = field(default_factory=dict, repr=False, compare=False)

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
_BASE = ("tool", "codegen")
# the flags that override a config key, for messages about their values
_FLAGS = {"package": "--package", "resources": "--resource"}


@dataclass
class _File:
    """A pyproject's parse and where each key is in its text, for `file:line:col` errors."""

    path: Path
    data: dict[str, Any]
    found: Positions

    @classmethod
    def read(cls, pyproject: Path) -> _File:
        if not pyproject.exists():
            return cls(pyproject, {}, Positions({}, {}))
        text, data = load_toml_text(pyproject, "the codegen config")
        return cls(pyproject, data, positions(text))

    def loc(self, path: tuple[str | int, ...], at_key: bool = False) -> Location:
        line, col = self.found.key(path) if at_key else self.found.value(path)
        from codegen.ir import Location

        return Location(str(self.path), line, col)

    def table(self, path: tuple[str, ...]) -> dict[str, Any] | None:
        """The table at `path` (None: not there); anything else there is an error."""
        node: Any = self.data
        for depth in range(1, len(path) + 1):
            node = node.get(path[depth - 1])
            if node is None:
                return None
            if not isinstance(node, dict):
                name = ".".join(path[:depth])
                raise SpecError(
                    self.loc(path[:depth]), f"[{name}] must be a table, got {toml_type(node)}"
                )
        return dict(node)

    def checked(self, path: tuple[str, ...], name: str) -> dict[str, Any]:
        """The table at `path`, every key checked against the schema."""
        section = self.table(path) or {}
        section.pop("targets", None)
        problem = check_section(section)
        if problem is not None:
            where = problem.where()
            raise SpecError(
                self.loc((*path, *problem.path), problem.at_key),
                f"{name} {where}: {problem.message}" if where else f"{name}: {problem.message}",
            )
        return section


def target_names(pyproject: Path) -> list[str]:
    """The named targets of `[tool.codegen.targets]`, sorted."""
    return sorted(_File.read(pyproject).table((*_BASE, "targets")) or {})


def load_config(
    pyproject: Path, overrides: dict[str, Any], target: str | None = None, *, required: bool = False
) -> Config:
    """Read `[tool.codegen]`, or the named target `[tool.codegen.targets.<target>]` over it (a
    target inherits every key it does not set); paths are relative to the pyproject's folder;
    flags win. Every key is checked against the schema (`codegen.config_schema`), in every
    target. `required`: a missing file or `[tool.codegen]` is an error, not the defaults."""
    doc = _File.read(pyproject)
    root = pyproject.resolve().parent
    if required and doc.table(_BASE) is None:
        raise SpecError(
            None,
            f"{pyproject}: no [tool.codegen] found; run codegen in the project's folder, "
            "pass --config FILE, or give both --spec and --out",
        )
    section = doc.checked(_BASE, "[tool.codegen]")
    targets = doc.table((*_BASE, "targets")) or {}
    own_sections = {
        name: doc.checked((*_BASE, "targets", name), f"[tool.codegen.targets.{name}]")
        for name in targets
    }
    where = {key: doc.loc((*_BASE, key)) for key in section}
    _check_npm(doc, section, section, _BASE)
    if target is not None:
        if target not in targets:
            names = ", ".join(sorted(targets)) or "none"
            close = difflib.get_close_matches(target, list(targets), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise SpecError(
                doc.loc((*_BASE, "targets"), at_key=True),
                f"no target '{target}' in [tool.codegen.targets] (known: {names}){hint}",
            )
        own = own_sections[target]
        table = (*_BASE, "targets", target)
        where.update({key: doc.loc((*table, key)) for key in own})
        section.update(own)
        _check_npm(doc, own, section, table)
    raw_errors = section.pop("errors", [])
    values: dict[str, Any] = {k: v for k, v in section.items()}
    if values.get("npm_package") is not None:
        missing = [k for k in _NPM_KEYS if not values.get(k)]
        if missing:
            raise SpecError(where["npm_package"], f"npm_package is set but '{missing[0]}' is not")
        values.pop("spec", None)  # inherited from [tool.codegen]; the fetched folder replaces it
    for key, value in overrides.items():
        if value is not None:
            _check_flag(key, value)
            values[key] = value
            where.pop(key, None)
    for key in _PATHS:
        if key in values and values[key] is not None:
            path = Path(values[key])
            values[key] = (
                path
                if path.is_absolute() or (key in overrides and overrides[key] is not None)
                else root / path
            )
    values.setdefault("out", root / "generated")
    values.setdefault("cache", root / ".codegen-cache")
    if "spec" not in values:
        package, version = values.get("npm_package"), values.get("npm_version")
        values["spec"] = (
            fetched_dir(values["cache"], package, version) / "spec"
            if package and version
            else root / "spec"
        )
    if "default_timeout" in values:
        values["default_timeout"] = float(values["default_timeout"])
    errors = [
        ErrorConfig(e["name"], e["status"], e.get("parent", "APIStatusError")) for e in raw_errors
    ]
    return Config(root=root, extra_errors=errors, target=target, where=where, **values)


def check_selection(config: Config, available: list[str], chosen: bool) -> None:
    """Each resource asked for is in the spec (itself, or as the parent of some), and the
    selection is not empty: either mistake would give a package without the resources."""
    loc = config.where.get("resources")
    what = f"{config.section} resources" if loc else "--resource"
    for wanted in config.resources:
        if wanted != "*" and not any(
            path == wanted or path.startswith(f"{wanted}.") for path in available
        ):
            close = difflib.get_close_matches(wanted, available, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(sorted(available)) or "none"
            raise SpecError(
                loc, f"{what}: '{wanted}' is not a resource of the spec{hint}; it has: {known}"
            )
    if not chosen:
        raise SpecError(loc, "no resources selected; the spec declares none")


def _check_flag(key: str, value: Any) -> None:
    """A flag's value, checked by the rule of the key it overrides."""
    if key in _FLAGS:
        problem = check_value((_FLAGS[key],), SCHEMA[key], value)
        if problem is not None:
            raise SpecError(None, f"{problem.where()}: {problem.message}")


def _check_npm(
    doc: _File, own: dict[str, Any], merged: dict[str, Any], path: tuple[str, ...]
) -> None:
    if "spec" in own and merged.get("npm_package") is not None:
        name = "[" + ".".join(path) + "]"
        raise SpecError(
            doc.loc((*path, "spec"), at_key=True),
            f"{name} sets 'spec' for an npm target; its spec is what `codegen fetch` unpacks",
        )
