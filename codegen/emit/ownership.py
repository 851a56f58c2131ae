"""What a run may touch in the output folder: the manifest is the ownership record.

A run replaces or removes only paths the previous manifest lists (plus the compiled caches of a
Python file it removes), and creates only paths where nothing exists. Anything else in the way
is a collision, reported before a byte is written. Foreign files, links, special files, empty
folders and modes are never touched: the plan names every path a write changes.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from codegen.errors import SpecError

MANIFEST = ".codegen-manifest.json"
PYCACHE = "__pycache__"
_SHOWN = 20  # collisions named in the one-line error before "and N more"


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def safe_rel(rel: object) -> str | None:
    """`rel` when it is a plain relative POSIX path inside the folder (no `..`, `.`, empty or
    absolute parts, no NUL or backslash), else None: a forged manifest owns nothing outside."""
    if not isinstance(rel, str) or not rel or "\0" in rel or "\\" in rel:
        return None
    parts = rel.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return rel


def read_manifest(out: Path) -> list[str]:
    """The paths the last run wrote (valid entries only); [] when there is no readable manifest."""
    st = _lstat(out / MANIFEST)
    if st is None or not stat.S_ISREG(st.st_mode):
        return []  # never open a FIFO or follow a link here
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        listed = data.get("files", []) if isinstance(data, dict) else []
    except (OSError, ValueError):
        return []
    if not isinstance(listed, list):
        return []
    return [rel for rel in (safe_rel(p) for p in listed) if rel is not None]


@dataclass
class Plan:
    """Every change a write makes, decided before it starts.

    writes: (path, text, mode of the file it replaces or None for a new file), manifest last;
    removes: owned files no longer generated, with their `__pycache__/<stem>.*.pyc`;
    new_dirs: folders to create, parents first; prune: folders emptied by the removes, deepest
    first (removed only if empty then, so a foreign entry keeps its folder)."""

    writes: list[tuple[str, str, int | None]] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)
    new_dirs: list[str] = field(default_factory=list)
    prune: list[str] = field(default_factory=list)


def plan_write(out: Path, files: dict[str, str], force: bool = False) -> Plan:
    """The changes that turn `out` into `files` (manifest included) touching only owned paths.

    A path held by something the manifest does not list is a collision: an error naming them
    all, unless `force` (then a foreign file, link or special file there is replaced). A folder
    where a file goes, or a non-folder (or link) where a folder goes, is an error even with
    `force`: codegen never deletes a folder's contents or writes through a link."""
    owned = set(read_manifest(out)) | {MANIFEST}  # the record itself, named for codegen
    plan = Plan()
    collisions: list[str] = []
    new_dirs: set[str] = set()
    for rel in sorted(files, key=lambda r: (r == MANIFEST, r)):
        if safe_rel(rel) is None:
            raise SpecError(None, f"internal error: generated path {rel!r} is not a plain path")
        blocked = _parents(out, rel, new_dirs, collisions)
        if blocked:
            continue
        text = files[rel]
        st = _lstat(out / rel)
        if st is None:
            plan.writes.append((rel, text, None))
        elif stat.S_ISDIR(st.st_mode):
            collisions.append(f"{rel} (a folder)")
        elif rel not in owned and not force:
            collisions.append(rel)
        elif stat.S_ISREG(st.st_mode) and _same(out / rel, text, st):
            continue
        else:
            mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None
            plan.writes.append((rel, text, mode))
    if collisions:
        shown = ", ".join(collisions[:_SHOWN])
        more = f" and {len(collisions) - _SHOWN} more" if len(collisions) > _SHOWN else ""
        hint = "" if force else "; move them away or pass --force to replace them"
        raise SpecError(
            None,
            f"{out}: {len(collisions)} generated paths collide with files codegen does not own "
            f"(not in {MANIFEST}): {shown}{more}{hint}",
        )
    plan.new_dirs = sorted(new_dirs, key=lambda d: (d.count("/"), d))
    _plan_removes(out, files, owned, plan)
    return plan


def _parents(out: Path, rel: str, new_dirs: set[str], collisions: list[str]) -> bool:
    """Note the missing folders above `rel`; True (and a collision) when one is not a folder."""
    parts = rel.split("/")[:-1]
    for i in range(1, len(parts) + 1):
        folder = "/".join(parts[:i])
        if folder in new_dirs:
            continue
        st = _lstat(out / folder)
        if st is None:
            new_dirs.update("/".join(parts[:j]) for j in range(i, len(parts) + 1))
            return False
        if not stat.S_ISDIR(st.st_mode):
            note = f"{folder} (not a folder; codegen needs one here)"
            if note not in collisions:
                collisions.append(note)
            return True
    return False


def _same(path: Path, text: str, st: os.stat_result) -> bool:
    data = text.encode("utf-8")
    if st.st_size != len(data):
        return False
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _plan_removes(out: Path, files: dict[str, str], owned: set[str], plan: Plan) -> None:
    removes: list[str] = []
    for rel in sorted(owned - set(files) - {MANIFEST}):
        st = _lstat(out / rel)
        if st is None or stat.S_ISDIR(st.st_mode):
            continue
        removes.append(rel)
        if rel.endswith(".py"):
            removes.extend(_compiled(out, rel))
    prune: set[str] = set()
    for rel in removes:
        parts = rel.split("/")[:-1]
        prune.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    plan.removes = removes
    plan.prune = sorted(prune, key=lambda d: (-d.count("/"), d))


def _compiled(out: Path, rel: str) -> list[str]:
    """`pkg/__pycache__/mod.cpython-311.pyc` (any tag) for `pkg/mod.py`: exact name parts only."""
    folder, _, name = rel.rpartition("/")
    cache = f"{folder}/{PYCACHE}" if folder else PYCACHE
    st = _lstat(out / cache)
    if st is None or not stat.S_ISDIR(st.st_mode):
        return []
    stem = name[: -len(".py")]
    found = []
    for entry in sorted(os.listdir(out / cache)):
        parts = entry.split(".")
        if len(parts) >= 3 and parts[0] == stem and parts[-1] == "pyc":
            st = _lstat(out / cache / entry)
            if st is not None and stat.S_ISREG(st.st_mode):
                found.append(f"{cache}/{entry}")
    return found
