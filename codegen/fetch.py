"""`codegen fetch`: an npm target's spec, from the registry's tarball, checked and unpacked.

`npm pack <package>@<version>` into the cache folder (skipped when the tarball is there with the
configured sha256), the sha256 verified, the tarball unpacked under `<cache>/<name>-<version>/package`
(regular files only; an absolute path or `..` refuses the whole tarball), then the `include`d
`.d.ts` files, their `.js` siblings and the licence copied to `<cache>/<name>-<version>/spec`,
the target's spec. A marker in that folder records what it was made from, so `generate` can tell
a missing or stale fetch from a fetched one.

The package name and version must be in npm's grammar (a version like `1/../x` would climb out
of the cache, a name like `--x` would reach npm as an option), every path built from them must
resolve inside the cache, and a tarball may hold at most MAX_MEMBERS members and MAX_UNPACKED_BYTES
bytes (a few MB and a few thousand files for a real SDK).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from codegen.config import Config, npm_slug
from codegen.errors import SpecError
from codegen.npm_names import npm_name_problem, npm_version_problem
from codegen.parser.source import DTS_SUFFIX, included

MARKER = ".codegen-fetched.json"
# bounds on what a tarball may unpack to (@anthropic-ai/sdk 1.0.0: 2,789 members, 15 MB)
MAX_MEMBERS = 20_000
MAX_UNPACKED_BYTES = 256 << 20


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def tarball_path(config: Config) -> Path:
    assert config.npm_package is not None and config.npm_version is not None
    return config.cache / f"{npm_slug(config.npm_package)}-{config.npm_version}.tgz"


def _marker(config: Config) -> dict[str, object]:
    return {
        "package": config.npm_package,
        "version": config.npm_version,
        "sha256": (config.npm_sha256 or "").lower(),
        "include": list(config.include),
    }


def _fetch_command(config: Config) -> str:
    return "codegen fetch" + (f" --target {config.target}" if config.target else "")


def is_fetched(config: Config) -> bool:
    fetched = config.fetched_dir
    if fetched is None:
        return True
    try:
        data = json.loads((fetched / "spec" / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(data == _marker(config))


def require_fetched(config: Config) -> None:
    """An npm target's spec must have been fetched (from the configured tarball) first."""
    fetched = config.fetched_dir
    if fetched is None or config.spec != fetched / "spec" or is_fetched(config):
        return
    stale = (config.spec / MARKER).is_file()
    what = "was fetched from another tarball or include" if stale else "is not fetched"
    raise SpecError(
        None,
        f"{config.spec}: {config.npm_package}@{config.npm_version} {what}; "
        f"run `{_fetch_command(config)}`",
    )


def _check_names(config: Config) -> None:
    """The package name and version, in npm's grammar (also checked when the config loads)."""
    assert config.npm_package is not None and config.npm_version is not None
    for key, value, problem in (
        ("npm_package", config.npm_package, npm_name_problem(config.npm_package)),
        ("npm_version", config.npm_version, npm_version_problem(config.npm_version)),
    ):
        if problem is not None:
            raise SpecError(config.where.get(key), f"{config.section} {key} {value!r}: {problem}")


def _in_cache(config: Config, path: Path) -> Path:
    """`path`, which must resolve to a place inside the cache folder."""
    cache = config.cache.resolve()
    if not path.resolve().is_relative_to(cache) or path.resolve() == cache:
        raise SpecError(
            config.where.get("npm_version"),
            f"{path}: outside the cache folder {cache}; not fetched",
        )
    return path


def fetch(config: Config, npm: str = "npm", say: Callable[[str], None] = print) -> Path:
    """Make `config.spec` from the npm tarball; returns it. Raises SpecError (one line)."""
    fetched = config.fetched_dir
    if fetched is None or config.npm_sha256 is None:
        raise SpecError(None, f"{config.section} names no npm_package: nothing to fetch")
    _check_names(config)
    spec = _in_cache(config, fetched / "spec")
    expected = config.npm_sha256.lower()
    name = f"{config.npm_package}@{config.npm_version}"
    tgz = _in_cache(config, tarball_path(config))
    if is_fetched(config) and tgz.is_file() and file_sha256(tgz) == expected:
        say(f"codegen: {name} already fetched into {spec}")
        return spec
    if not (tgz.is_file() and file_sha256(tgz) == expected):
        _npm_pack(npm, name, tgz, expected, config.section)
    package = _in_cache(config, fetched / "package")
    _swap_in(package, lambda staging: _unpack(tgz, staging))
    counts = _swap_in(spec, lambda staging: _select(package, staging, config))
    (spec / MARKER).write_text(json.dumps(_marker(config), indent=1) + "\n", encoding="utf-8")
    say(
        f"codegen: fetched {name} (sha256 verified): {counts[0]} .d.ts and {counts[1]} .js "
        f"files into {spec}"
    )
    return spec


def npm_pack(npm: str, spec: str, staging: Path, missing: str = "install Node.js/npm") -> Path:
    """`npm pack <spec>` into the empty folder `staging`; the one tarball it made. Every
    caller (fetch, init, diff) goes through here, so `spec` can never reach npm as an option.
    `missing`: what to tell the user when npm is not installed."""
    try:
        run = subprocess.run(
            # `--`: whatever `spec` holds, npm reads it as the package, not as an option
            [npm, "pack", "--pack-destination", str(staging), "--json", "--", spec],
            capture_output=True,
            text=True,
            cwd=staging,
            check=False,
        )
    except FileNotFoundError:
        raise SpecError(None, f"'{npm}' not found: {missing}") from None
    if run.returncode != 0:
        lines = [
            line.strip()
            for line in run.stderr.splitlines()
            if line.strip() and "complete log" not in line
        ]
        reason = lines[-1] if lines else f"exit code {run.returncode}"
        raise SpecError(None, f"npm pack {spec} failed: {reason}")
    packed = sorted(staging.glob("*.tgz"))
    if len(packed) != 1:
        raise SpecError(None, f"npm pack {spec} made {len(packed)} tarballs, expected one")
    return packed[0]


def _npm_pack(npm: str, name: str, tgz: Path, expected: str, section: str) -> None:
    tgz.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".npm-pack-", dir=tgz.parent))
    try:
        packed = npm_pack(
            npm, name, staging, f"install Node.js/npm, or put {tgz.name} in {tgz.parent}"
        )
        got = file_sha256(packed)
        if got != expected:
            raise SpecError(
                None,
                f"{name}: the packed tarball's sha256 is {got}, but npm_sha256 in {section} "
                f"is {expected}",
            )
        os.replace(packed, tgz)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(dest: Path, fill: Callable[[Path], tuple[int, int]]) -> tuple[int, int]:
    """Fill a new folder beside `dest`, then replace `dest` with it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.new-", dir=dest.parent))
    try:
        counts = fill(staging)
        retired = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        if dest.exists():
            os.replace(dest, retired)
        os.replace(staging, dest)
        shutil.rmtree(retired, ignore_errors=True)
        return counts
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _safe_parts(name: str) -> tuple[str, ...] | None:
    """The member name's parts, or None when it is absolute or climbs out (`..`)."""
    if not name or "\\" in name or name.startswith("/") or ":" in name.split("/")[0]:
        return None
    parts = tuple(p for p in PurePosixPath(name).parts if p not in ("", "."))
    if ".." in parts or PurePosixPath(name).is_absolute():
        return None
    return parts


def _unpack(tgz: Path, into: Path) -> tuple[int, int]:
    """Unpack the regular files of an npm tarball (its top folder, `package/`, stripped)."""
    files = 0
    try:
        with tarfile.open(tgz, "r:*") as tar:
            members = bounded_members(tgz, tar)
            for member in members:
                parts = _safe_parts(member.name) or ()
                if not member.isfile() or len(parts) < 2:
                    continue  # folders are made as needed; links and devices are skipped
                target = into.joinpath(*parts[1:])
                source = tar.extractfile(member)
                if source is None:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
                files += 1
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise SpecError(None, f"{tgz}: cannot unpack: {exc}") from None
    return files, 0


def bounded_members(tgz: Path, tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """Every member, read one header at a time: a path outside the folder, or more members or
    bytes than the bounds allow, refuses the tarball before anything is unpacked."""
    members: list[tarfile.TarInfo] = []
    size = 0
    while (member := tar.next()) is not None:
        if _safe_parts(member.name) is None:
            raise SpecError(
                None, f"{tgz}: unsafe path '{member.name}' in the tarball; not unpacked"
            )
        members.append(member)
        size += member.size if member.isfile() else 0
        if len(members) > MAX_MEMBERS:
            raise SpecError(
                None, f"{tgz}: more than {MAX_MEMBERS} members (MAX_MEMBERS); not unpacked"
            )
        if size > MAX_UNPACKED_BYTES:
            raise SpecError(
                None,
                f"{tgz}: unpacks to more than {MAX_UNPACKED_BYTES} bytes (MAX_UNPACKED_BYTES); "
                "not unpacked",
            )
    return members


def _select(package: Path, into: Path, config: Config) -> tuple[int, int]:
    """Copy the `include`d `.d.ts` files, their `.js` siblings and the licence."""
    dts = js = 0
    for path in sorted(package.rglob(f"*{DTS_SUFFIX}")):
        rel = path.relative_to(package).as_posix()
        if not path.is_file() or (config.include and not included(rel, config.include)):
            continue
        (into / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, into / rel)
        dts += 1
        sibling = path.with_name(path.name[: -len(DTS_SUFFIX)] + ".js")
        if sibling.is_file():
            shutil.copyfile(sibling, into / (rel[: -len(DTS_SUFFIX)] + ".js"))
            js += 1
    if not dts:
        raise SpecError(
            None, f"{config.npm_package}: no .d.ts files match include {list(config.include)}"
        )
    for licence in sorted(package.glob("LICENSE*")):
        if licence.is_file():
            shutil.copyfile(licence, into / licence.name)
    return dts, js
