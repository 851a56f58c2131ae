"""Writing the output folder atomically, and the drift check that writes nothing.

A manifest (`.codegen-manifest.json`) lists what the generator wrote last time, so a file it no
longer makes is removed and a file it never made is left alone.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".codegen-manifest.json"


SpecFiles = dict[str, object]
"""The spec's files and their digest (`{"digest": ..., "files": [{path, sha256}]}`), kept in the
manifest rather than in each file's header, so a spec change rewrites only what it changes."""


def spec_digest(files: list[dict[str, str]]) -> str:
    joined = "\n".join(f"{f['path']} {f['sha256']}" for f in files)
    return hashlib.sha256(joined.encode()).hexdigest()


def manifest_text(paths: list[str], spec: SpecFiles | None = None) -> str:
    data: dict[str, object] = {"generated_by": "codegen", "files": sorted(paths)}
    if spec is not None:
        data["spec"] = spec
    return json.dumps(data, indent=2) + "\n"


def read_manifest(out: Path) -> list[str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return [str(p) for p in data.get("files", [])]
    except (OSError, ValueError):
        return []


def with_manifest(files: dict[str, str], spec: SpecFiles | None = None) -> dict[str, str]:
    return {**files, MANIFEST: manifest_text(list(files), spec)}


@dataclass
class Drift:
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.changed or self.missing or self.extra)


def compare(out: Path, files: dict[str, str], spec: SpecFiles | None = None) -> Drift:
    """How the output folder differs from `files` (what generation would write)."""
    files = with_manifest(files, spec)
    drift = Drift()
    for path, text in files.items():
        target = out / path
        old = target.read_text(encoding="utf-8") if target.is_file() else None
        if old == text:
            continue
        (drift.changed if old is not None else drift.missing).append(path)
        drift.diff.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"a/{path}" if old is not None else "/dev/null",
                tofile=f"b/{path}",
            )
        )
    for path in read_manifest(out):
        if path not in files and (out / path).is_file():
            drift.extra.append(path)
            old = (out / path).read_text(encoding="utf-8", errors="replace")
            drift.diff.extend(
                difflib.unified_diff(
                    old.splitlines(keepends=True), [], fromfile=f"a/{path}", tofile="/dev/null"
                )
            )
    return drift


def write_atomically(out: Path, files: dict[str, str], spec: SpecFiles | None = None) -> None:
    """Build the whole new folder beside `out`, then swap it in with renames.

    Files in `out` that the last run did not generate are carried over untouched; files it did
    generate and this run does not are dropped.
    """
    files = with_manifest(files, spec)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    previous = set(read_manifest(out))
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        if out.exists():
            for src in sorted(out.rglob("*")):
                rel = src.relative_to(out).as_posix()
                if (
                    src.is_file()
                    and rel not in previous
                    and rel not in files
                    and "__pycache__" not in rel
                ):
                    dest = staging / rel
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, dest)
        for rel, text in files.items():
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8", newline="\n")
        retired = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            os.replace(out, retired)
        os.replace(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
