"""Applying a write plan so that a kill at any instant is finished or undone by the next run.

1. Under an exclusive lock on the output folder, recover whatever a dead run left (below).
2. Write the journal (state `prepare`: every temp file and new folder it is about to make).
3. Write each new text to a temp file beside its target; make them durable (syncfs or fsync).
4. Rewrite the journal as `commit`: from here the run is rolled forward, never back.
5. `os.replace` each temp file over its target (atomic per file), remove the stale owned files,
   prune the folders they emptied, the manifest last; fsync the folders; delete the journal.

Recovery: a `prepare` journal is rolled back (temp files and new empty folders removed), a
`commit` journal rolled forward (the remaining renames and removals done). The unsafe window is
one rename per file: no moment leaves the folder missing or a foreign file elsewhere. The lock
(flock on the folder, released by the kernel when a process dies) says that whoever wrote a
journal is gone; where flock is unsupported, the journal's pid must not be alive.
"""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from codegen.emit.ownership import MANIFEST, Plan, safe_rel
from codegen.errors import SpecError

JOURNAL = ".codegen-journal.json"
_JOURNAL_TMP = re.compile(r"^\.codegen-journal\.json\.(\d+)\.tmp$")
# A test hook: the N-th checkpoint of this process SIGKILLs it (kill-safety tests).
KILL_AT_ENV = "CODEGEN_WRITER_KILL_AT"
_checkpoints = 0


def checkpoint() -> None:
    """A point where a kill must be survivable; dies here when the test hook says so."""
    global _checkpoints
    _checkpoints += 1
    if os.environ.get(KILL_AT_ENV) == str(_checkpoints):
        os.kill(os.getpid(), signal.SIGKILL)


def temp_name(rel: str, pid: int) -> str:
    folder, _, name = rel.rpartition("/")
    return f"{folder}/.{name}.codegen-{pid}.tmp" if folder else f".{name}.codegen-{pid}.tmp"


@contextmanager
def locked(out: Path) -> Iterator[bool]:
    """Hold an exclusive flock on the folder; yields False when the system or filesystem has no
    flock (the journal's pid is then checked instead)."""
    try:
        import fcntl
    except ImportError:
        yield False
        return
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            have = True
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                raise
            have = False
        yield have
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_journal(out: Path, data: dict[str, Any]) -> None:
    tmp = out / f"{JOURNAL}.{os.getpid()}.tmp"
    body = (json.dumps(data, indent=1) + "\n").encode()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    checkpoint()
    os.replace(tmp, out / JOURNAL)
    _fsync_dir(out)
    checkpoint()


def _write_temp(path: Path, text: str, mode: int | None) -> None:
    """A new file (mode 0666 less the umask, or `mode` of the file it replaces)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        view = memoryview(text.encode("utf-8"))
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _syncfs(folder: Path) -> bool:
    """syncfs(2) on the folder's filesystem (Linux); False where there is none."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            return int(libc.syncfs(fd)) == 0
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        return False


def _make_durable(out: Path, paths: list[Path]) -> None:
    """The temp files on disk before the commit record: one syncfs (an fsync per file costs
    ~6 ms each here, 2.7 s for the full SDK's 400 files), else an fsync per file."""
    if _syncfs(out):
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def apply(out: Path, plan: Plan) -> None:
    """Make the planned changes (see the module docstring); the caller holds `locked(out)`."""
    pid = os.getpid()
    journal: dict[str, Any] = {
        "version": 1,
        "pid": pid,
        "state": "prepare",
        "writes": [[rel, temp_name(rel, pid)] for rel, _, _ in plan.writes],
        "removes": plan.removes,
        "new_dirs": plan.new_dirs,
        "prune": plan.prune,
    }
    if not (plan.writes or plan.removes):
        return
    _write_journal(out, journal)
    for folder in plan.new_dirs:
        try:
            os.mkdir(out / folder)
        except FileExistsError:
            if not stat.S_ISDIR((out / folder).lstat().st_mode):
                raise
        checkpoint()
    for (_, text, mode), (_, tmp) in zip(plan.writes, journal["writes"], strict=True):
        _write_temp(out / tmp, text, mode)
        checkpoint()
    _make_durable(out, [out / tmp for _, tmp in journal["writes"]])
    journal["state"] = "commit"
    _write_journal(out, journal)
    _roll_forward(out, journal)


def _roll_forward(out: Path, journal: dict[str, Any]) -> None:
    touched: set[Path] = {out}
    renames = [pair for pair in journal["writes"] if pair[0] != MANIFEST]
    last = [pair for pair in journal["writes"] if pair[0] == MANIFEST]
    for rel, tmp in renames:
        if _rename(out, rel, tmp):
            touched.add((out / rel).parent)
    for rel in journal["removes"]:
        try:
            st = (out / rel).lstat()
            if not stat.S_ISDIR(st.st_mode):
                os.unlink(out / rel)
                touched.add((out / rel).parent)
        except FileNotFoundError:
            pass
        checkpoint()
    for folder in journal["prune"]:
        try:
            os.rmdir(out / folder)
            touched.add((out / folder).parent)
        except OSError:
            pass  # not empty (a foreign entry), or gone already
        checkpoint()
    for path in sorted(touched, key=lambda p: -len(p.parts)):
        _fsync_dir(path)
    for rel, tmp in last:
        _rename(out, rel, tmp)
    _fsync_dir(out)
    _finish(out)


def _rename(out: Path, rel: str, tmp: str) -> bool:
    try:
        os.replace(out / tmp, out / rel)
    except FileNotFoundError:
        return False  # renamed before the kill
    checkpoint()
    return True


def _finish(out: Path) -> None:
    os.unlink(out / JOURNAL)
    _fsync_dir(out)
    checkpoint()


def _read_journal(out: Path) -> dict[str, Any] | None:
    path = out / JOURNAL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise SpecError(None, f"{path}: unreadable codegen journal ({exc}); remove it") from exc
    ok = (
        isinstance(data, dict)
        and data.get("state") in ("prepare", "commit")
        and isinstance(data.get("pid"), int)
        and all(
            isinstance(pair, list)
            and len(pair) == 2
            and safe_rel(pair[0])
            and pair[1] == temp_name(pair[0], data["pid"])
            for pair in data.get("writes", [])
        )
        and all(
            isinstance(data.get(key), list) and all(safe_rel(r) for r in data[key])
            for key in ("removes", "new_dirs", "prune")
        )
    )
    if not ok:
        raise SpecError(None, f"{path}: malformed codegen journal; remove it")
    journal: dict[str, Any] = data
    return journal


def recover(out: Path, have_lock: bool) -> str | None:
    """Finish (`commit`) or undo (`prepare`) a dead run's write and drop its temp files; returns
    what was done, or None. The caller holds `locked(out)`."""
    for entry in os.listdir(out):
        match = _JOURNAL_TMP.match(entry)
        if match and (have_lock or not pid_alive(int(match.group(1)))):
            os.unlink(out / entry)
    journal = _read_journal(out)
    if journal is None:
        return None
    pid = journal["pid"]
    if not have_lock and pid_alive(pid):
        raise SpecError(None, f"{out}: codegen process {pid} is writing this folder")
    if journal["state"] == "commit":
        _roll_forward(out, journal)
        return f"finished the write of an interrupted run (pid {pid})"
    for _, tmp in journal["writes"]:
        try:
            os.unlink(out / tmp)
        except FileNotFoundError:
            pass
    for folder in reversed(journal["new_dirs"]):
        try:
            os.rmdir(out / folder)
        except OSError:
            pass
    _finish(out)
    return f"rolled back the write of an interrupted run (pid {pid})"
