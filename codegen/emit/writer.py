"""Writing the output folder, and the drift check that writes nothing.

A manifest (`.codegen-manifest.json`) lists what the generator wrote last time: the ownership
record. A run changes only those paths and paths where nothing was (`ownership.py`), through a
journal that the next run finishes or undoes after a kill (`journal.py`).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from codegen.emit.journal import apply, locked, pid_alive, recover
from codegen.emit.ownership import MANIFEST, Plan, plan_write, read_manifest

__all__ = ["MANIFEST", "Drift", "compare", "read_manifest", "with_manifest", "write_atomically"]


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


def write_atomically(
    out: Path, files: dict[str, str], spec: SpecFiles | None = None, force: bool = False
) -> Plan:
    """Make `out` hold `files` (and their manifest), changing only owned paths; see `Plan`.

    A collision with a foreign file is an error (SpecError) before anything is written, unless
    `force`. Each file is replaced atomically; a run killed part-way is finished or undone by
    the next one (which also drops the temp folders of the old two-rename swap)."""
    files = with_manifest(files, spec)
    out = out.resolve()
    _legacy_swap_leftovers(out)
    out.mkdir(parents=True, exist_ok=True)
    with locked(out) as have_lock:
        recover(out, have_lock)
        plan = plan_write(out, files, force)
        apply(out, plan)
    return plan


_LEGACY = re.compile(r"^\.(?P<name>.+)\.(?:new-.+|old-(?P<pid>\d+))$")


def _legacy_swap_leftovers(out: Path) -> None:
    """Codegen before the journal built `.NAME.new-*` beside `out` and swapped it in through
    `.NAME.old-PID`: a kill left `out` missing with the user's files in `.old`. Put such a
    folder back, and drop the rest (the `.new` copies, an `.old` whose swap completed)."""
    parent = out.parent
    try:
        entries = sorted(os.listdir(parent))
    except OSError:
        return
    for entry in entries:
        match = _LEGACY.match(entry)
        path = parent / entry
        if match is None or match["name"] != out.name or not path.is_dir() or path.is_symlink():
            continue
        if match["pid"] is not None and pid_alive(int(match["pid"])):
            continue
        if match["pid"] is not None and not os.path.lexists(out):
            os.replace(path, out)
        else:
            shutil.rmtree(path, ignore_errors=True)
