"""The warm run's shortcut: whether an output folder is up to date, decided from `stat` alone.

The truth is the content hash (`codegen.cache.Stamp`): a run whose inputs hash to the stamp's key
and whose output files hash to its digests has nothing to do. But hashing reads every input and
output file, and computing the key imports the parser and Jinja: well over a second for
cloudflare's 3,746 spec files and 7,900 output files. So, as make, git and ruff do, a record
beside the stamp keeps each file's `stat` (mtime and ctime in ns, size, inode) from when its
content was last hashed, and a run that finds them all the same trusts those hashes:

- inputs: every file and folder under the spec folder, codegen's package and the templates (the
  built-in folder and the overlay), the routes file, and the folders on `sys.path` (an upgraded
  black, Jinja or tree-sitter changes one), plus the config's repr, Python's version and the
  working folder. Any difference, and the run takes the hashing path, which decides;
- outputs: a file whose `stat` differs is read and hashed against the stamp's digest, so a
  touched but unchanged file costs one read and a changed or deleted one rebuilds.

Racy entries (git's "racily clean"): a file written twice within one tick of the filesystem's
clock can keep its mtime. So an entry is recorded only if its times are older than a probe file
made in the cache folder just before the file was read; a younger input leaves no shortcut for
the next run, a younger output is hashed by it. `stat` cannot see an edit that keeps size,
inode, mtime and ctime alike; ctime cannot be set back without changing the clock.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codegen.cache import atomic_write, sha256_hex

StatKey = list[int]  # [mtime_ns, ctime_ns, size, inode]


def stat_key(path: str) -> StatKey | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino]


def fs_clock(folder: Path) -> int | None:
    """The filesystem's time now, as its file times show it: a probe file's mtime."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".clock.", dir=folder)
        try:
            return os.fstat(fd).st_mtime_ns
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError:
        return None


def _settled(key: StatKey, clock: int | None) -> bool:
    """Older than the probe: a later write cannot keep these times (see the module docstring)."""
    return clock is not None and max(key[0], key[1]) < clock


def tree_paths(root: Path) -> list[str]:
    """`root` and every file and folder under it (links to folders followed once, `__pycache__`
    left out: Python writes there as it runs)."""
    found = [os.path.abspath(root)]
    seen = {os.path.realpath(root)}
    for folder, dirs, files in os.walk(root, followlinks=True):
        kept = []
        for name in sorted(dirs):
            real = os.path.realpath(os.path.join(folder, name))
            if name != "__pycache__" and real not in seen:
                seen.add(real)
                kept.append(name)
        dirs[:] = kept
        found += [os.path.abspath(os.path.join(folder, n)) for n in [*kept, *sorted(files)]]
    return found


def environment_key(config_repr: str) -> str:
    """What the inputs' hash depends on besides files."""
    return sha256_hex(sys.version, sys.executable, os.getcwd(), *sys.path, config_repr)


def watch(paths: list[str], clock: int | None) -> dict[str, StatKey] | None:
    """The inputs' stat keys, taken before they are read; None if one is missing or too young."""
    out: dict[str, StatKey] = {}
    for path in paths:
        key = stat_key(path)
        if key is None or not _settled(key, clock):
            return None
        out[path] = key
    return out


def verify_outputs(
    out: Path, manifest: str, digests: dict[str, str], known: dict[str, StatKey], clock: int | None
) -> dict[str, StatKey] | None:
    """Whether `out` holds exactly the files of `digests` (per its manifest), unmodified: a file
    whose stat key is in `known` unchanged is trusted, any other is hashed. Returns the keys to
    trust next time (settled files only), or None when the folder does not match."""
    try:
        listed = json.loads((out / manifest).read_text(encoding="utf-8")).get("files")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(listed, list) or set(listed) | {manifest} != set(digests):
        return None
    trusted: dict[str, StatKey] = {}
    for rel, digest in digests.items():
        path = os.path.join(out, rel)
        key = stat_key(path)  # before the read: a later write shows in the next run's key
        if key is None:
            return None
        if known.get(rel) != key:
            try:
                with open(path, "rb") as handle:
                    if hashlib.sha256(handle.read()).hexdigest() != digest:
                        return None
            except OSError:
                return None
            if not _settled(key, clock):
                continue
        trusted[rel] = key
    return trusted


@dataclass
class StatRecord:
    """Beside a stamp: the stat keys under which its hashes hold (`watch` None: no shortcut)."""

    inputs: str  # the stamp's inputs hash this record vouches for
    environment: str
    watch: dict[str, StatKey] | None
    out: dict[str, StatKey]

    def inputs_unchanged(self, environment: str) -> bool:
        if self.watch is None or environment != self.environment:
            return False
        return all(stat_key(path) == key for path, key in self.watch.items())


def read_record(path: Path) -> StatRecord | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        watched = data["watch"]
        return StatRecord(
            inputs=str(data["inputs"]),
            environment=str(data["environment"]),
            watch=None if watched is None else {str(k): list(v) for k, v in watched.items()},
            out={str(k): list(v) for k, v in data["out"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_record(path: Path, record: StatRecord) -> None:
    data = {
        "inputs": record.inputs,
        "environment": record.environment,
        "watch": record.watch,
        "out": record.out,
    }
    try:
        atomic_write(path, json.dumps(data, separators=(",", ":")).encode())
    except OSError:
        pass  # only the next run is slower
