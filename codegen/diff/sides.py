"""The two sides of `codegen diff`: a spec folder, an npm `NAME@VERSION`, or `git:REF`.

An npm side is packed into the cache and unpacked by `codegen.fetch`, as `codegen fetch` does.
Its sha256 is pinned on first use in `<cache>/npm-pins.json` (or taken from a config target that
names that package and version), so a later run refuses a tarball that differs. A `git:REF` side
is this project's spec folder at that ref (`git archive`), unpacked into a temporary folder.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from codegen.config import Config, load_config, target_names
from codegen.errors import SpecError
from codegen.ir import Spec

PINS = "npm-pins.json"
_NPM = re.compile(r"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*@\d[0-9A-Za-z.+-]*$")


@dataclass(frozen=True)
class Side:
    """What the user named (`label`) and how to read it."""

    label: str
    kind: str  # "path" | "npm" | "git"
    path: Path | None = None
    package: str | None = None
    version: str | None = None
    ref: str | None = None


def parse_side(text: str) -> Side:
    if text.startswith("git:"):
        if not text[4:] or text[4:].startswith("-"):
            raise SpecError(None, f"{text}: expected git:REF (a branch, tag or commit)")
        return Side(text, "git", ref=text[4:])
    path = Path(text)
    if path.exists():
        return Side(text, "path", path=path)
    if _NPM.match(text):
        package, _, version = text.rpartition("@")
        return Side(text, "npm", package=package, version=version)
    raise SpecError(None, f"{text}: no such folder, and not NAME@VERSION or git:REF")


def config_for(
    pyproject: Path, target: str | None, sides: list[Side], cache: Path | None
) -> Config:
    """The config whose include, resources and routes both sides are read with: `--target`,
    else the one target whose npm_package an npm side names, else `[tool.codegen]`."""
    overrides = {"cache": cache}
    if target is None:
        packages = {s.package for s in sides if s.kind == "npm"}
        matching = [
            name
            for name in target_names(pyproject)
            if load_config(pyproject, {}, name).npm_package in packages
        ]
        if len(matching) == 1:
            target = matching[0]
    return load_config(pyproject, overrides, target)


@contextmanager
def spec_root(side: Side, config: Config, say: Callable[[str], None]) -> Iterator[Path]:
    """The side's spec folder, while the context lasts (a git side's is temporary)."""
    if side.kind == "path":
        assert side.path is not None
        yield side.path
    elif side.kind == "npm":
        yield fetch_npm(side, config, say)
    else:
        with git_spec(side, config) as root:
            yield root


def fetch_npm(side: Side, config: Config, say: Callable[[str], None]) -> Path:
    from codegen.fetch import fetch, file_sha256, tarball_path

    assert side.package is not None and side.version is not None
    pinned = replace(
        config,
        npm_package=side.package,
        npm_version=side.version,
        npm_sha256=None,
        target=config.target,
    )
    tgz = tarball_path(pinned)
    pins = _read_pins(config.cache)
    sha = _configured_sha(config, side) or pins.get(side.label)
    if sha is None:
        if not tgz.is_file():
            _npm_pack_unpinned(side.label, tgz)
        sha = file_sha256(tgz)
        pins[side.label] = sha
        _write_pins(config.cache, pins)
    pinned = replace(pinned, npm_sha256=sha)
    fetched = pinned.fetched_dir
    assert fetched is not None
    pinned = replace(pinned, spec=fetched / "spec")
    return fetch(pinned, say=say)


def _configured_sha(config: Config, side: Side) -> str | None:
    if config.npm_package == side.package and config.npm_version == side.version:
        return config.npm_sha256
    return None


def _read_pins(cache: Path) -> dict[str, str]:
    try:
        data = json.loads((cache / PINS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_pins(cache: Path, pins: dict[str, str]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".pins-", dir=cache)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(dict(sorted(pins.items())), handle, indent=1)
        handle.write("\n")
    os.replace(tmp, cache / PINS)


def _npm_pack_unpinned(name: str, tgz: Path) -> None:
    """`npm pack` (npm checks the registry's sha512 integrity); the sha256 is pinned after."""
    from codegen.fetch import npm_pack

    tgz.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".npm-pack-", dir=tgz.parent))
    try:
        packed = npm_pack("npm", name, staging, f"install Node.js/npm to diff {name}")
        os.replace(packed, tgz)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def git_spec(side: Side, config: Config) -> Iterator[Path]:
    """`git archive REF -- <spec>` of the repository holding the config, unpacked."""
    assert side.ref is not None
    try:
        rel = config.spec.resolve().relative_to(config.root)
    except ValueError:
        raise SpecError(
            None, f"{side.label}: the spec {config.spec} is not inside the repository"
        ) from None
    try:
        run = subprocess.run(
            [
                "git",
                "-C",
                str(config.root),
                "archive",
                "--format=tar",
                side.ref,
                "--",
                rel.as_posix(),
            ],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise SpecError(None, f"'git' not found: cannot read {side.label}") from None
    if run.returncode != 0:
        lines = [line for line in run.stderr.decode(errors="replace").splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"exit code {run.returncode}"
        raise SpecError(None, f"{side.label}: git archive failed: {reason}")
    tmp = Path(tempfile.mkdtemp(prefix="codegen-diff-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(run.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        yield tmp / rel
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load_spec(root: Path, config: Config, include: list[str] | None, cached: bool = True) -> Spec:
    """The side's IR, read with the config's routes; each file's parse from the project's
    parse cache when `cached` (releases share most files)."""
    from codegen.cache import Caches
    from codegen.parser import RouteConfig, parse_spec
    from codegen.parser.scan_cache import ScanCache
    from codegen.routes_file import read_routes_file

    overrides = read_routes_file(config.routes_file) if config.routes_file else None
    return parse_spec(
        root,
        RouteConfig(prefix=config.route_prefix, overrides=overrides),
        include=config.include if include is None else include,
        cache=ScanCache(Caches(config.cache).scans) if cached else None,
    )
