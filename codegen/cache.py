"""The content-hash cache under the cache folder (`.codegen-cache/` by default):

- `format/`: formatted Python by sha256(black version + mode + unformatted text);
- `scan/`: the per-file parse result by sha256(file + codegen version + parser sources), see
  `codegen.parser.scan_cache`;
- `jinja/`: compiled templates;
- `stamps/`: per output folder, the hash of every input of the last run and of every file it
  wrote, so a run with nothing changed only verifies.

Every entry is written atomically and carries a checksum of its body: a truncated, corrupted or
foreign entry reads as a miss (and is removed), never as an error. Deleting the folder is always
safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import codegen

_MAGIC = b"codegen-cache 1\n"
_DIGEST_LEN = 64  # hex sha256


def sha256_hex(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class BlobStore:
    """Bytes by hex key, one file per entry (`<dir>/<key[:2]>/<key>`)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _DIGEST_LEN + 1
        body = raw[head:]
        if (
            raw[: len(_MAGIC)] != _MAGIC
            or raw[head - 1 : head] != b"\n"
            or raw[len(_MAGIC) : head - 1] != hashlib.sha256(body).hexdigest().encode()
        ):
            self.discard(key)
            return None
        return body

    def get_text(self, key: str) -> str | None:
        """`get` as UTF-8 text; an entry that does not decode is damaged: dropped, a miss."""
        body = self.get(key)
        if body is None:
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            self.discard(key)
            return None

    def put_text(self, key: str, text: str) -> None:
        self.put(key, text.encode("utf-8"))

    def put(self, key: str, body: bytes) -> None:
        data = _MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        try:
            atomic_write(self._path(key), data)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def discard(self, key: str) -> None:
        try:
            self._path(key).unlink()
        except OSError:
            pass


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:16]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Caches:
    """The cache folder of one run (None everywhere when `--no-cache`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.formatted = BlobStore(root / "format")
        self.scans = BlobStore(root / "scan")
        self.templates = BlobStore(root / "jinja")

    def stamp_path(self, out: Path) -> Path:
        return self.root / "stamps" / f"{sha256_hex(str(out.resolve()))[:32]}.json"

    def stat_record_path(self, out: Path) -> Path:
        """Beside the stamp: the stat keys under which it holds (`codegen.stat_check`)."""
        return self.stamp_path(out).with_suffix(".stat.json")

    def read_stamp(self, out: Path) -> Stamp | None:
        try:
            data = json.loads(self.stamp_path(out).read_text(encoding="utf-8"))
            return Stamp(
                inputs=str(data["inputs"]),
                files={str(k): str(v) for k, v in data["files"].items()},
                warnings=[str(w) for w in data["warnings"]],
                notes=int(data["notes"]),
                spec_files=int(data["spec_files"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def write_stamp(self, out: Path, stamp: Stamp) -> None:
        data = {
            "inputs": stamp.inputs,
            "files": stamp.files,
            "warnings": stamp.warnings,
            "notes": stamp.notes,
            "spec_files": stamp.spec_files,
        }
        try:
            atomic_write(self.stamp_path(out), (json.dumps(data, indent=1) + "\n").encode())
        except OSError:
            pass

    def forget_stamp(self, out: Path) -> None:
        for path in (self.stamp_path(out), self.stat_record_path(out)):
            try:
                path.unlink()
            except OSError:
                pass


@dataclass
class Stamp:
    """What produced an output folder: the inputs' hash, and each written file's sha256."""

    inputs: str
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # printed again by a warm run
    notes: int = 0
    spec_files: int = 0


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def tree_digest(root: Path, pattern: str) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def version_of(dist: str) -> str:
    from importlib import metadata  # slow to import; the warm path does without

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


@cache
def generator_digest() -> str:
    """codegen's version and sources, Python's version, and the versions of what it runs on."""
    deps = ("black", "jinja2", "tree-sitter", "tree-sitter-typescript")
    return sha256_hex(
        codegen.__version__,
        tree_digest(Path(codegen.__file__).parent, "*.py"),
        f"{sys.version_info[0]}.{sys.version_info[1]}",
        *(f"{d}=={version_of(d)}" for d in deps),
    )


def inputs_digest(config_repr: str, templates: str, extra: Iterable[tuple[str, str]]) -> str:
    """Everything a generated folder depends on: generator, config, templates (the digest of the
    effective set, built-in overlaid by the user's folder), spec files."""
    return sha256_hex(
        "inputs 2",
        generator_digest(),
        config_repr,
        templates,
        *(f"{name} {digest}" for name, digest in extra),
    )
