"""SIGKILL the real writer at every checkpoint (between any two renames, mid-journal, mid-temp
files) and at random instants, in a folder full of foreign entries: the next run always leaves
the generated files complete and correct, every foreign entry as it was, and no temp files.

`CODEGEN_KILL_FULL=1` also kills the real `codegen generate` on the batch spec (slower).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_ownership import entries

from codegen.emit import journal
from codegen.emit.journal import KILL_AT_ENV, locked, recover
from codegen.emit.ownership import MANIFEST
from codegen.emit.writer import compare, write_atomically

A = {
    "README.md": "# a\n",
    "pyproject.toml": "[project]\nname = 'a'\n",
    "pkg/__init__.py": "A = 1\n",
    "pkg/_client.py": "class Client: ...\n" * 50,
    "pkg/resources/old/__init__.py": "OLD = 1\n",
    "pkg/resources/old/things.py": "THINGS = 1\n",
    "pkg/types/a.py": "X = 1\n",
    "tests/test_pkg.py": "def test_x() -> None: ...\n",
}
B = {k: v.replace("1", "2") for k, v in A.items() if "/old/" not in k} | {
    "pkg/resources/new/__init__.py": "NEW = 1\n",
    "pkg/resources/new/more/deep.py": "DEEP = 1\n",
}
LEFTOVER = re.compile(r"\.codegen-\d+\.tmp$|^\.codegen-journal")


def foreign_folder(out: Path, outside: Path) -> None:
    """Everything a user's folder may hold beside a generated package."""
    outside.mkdir()
    (outside / "t.txt").write_text("target")
    (out / "pkg").mkdir(parents=True)
    (out / "pkg" / "mine.py").write_text("mine = True\n")
    (out / "pkg" / "resources").mkdir()
    (out / "pkg" / "resources" / "empty").mkdir()
    (out / "notes").mkdir()
    (out / "notes" / "n.txt").write_text("notes")
    os.link(out / "notes" / "n.txt", out / "hard.txt")
    os.symlink(outside / "t.txt", out / "link")
    os.symlink(outside, out / "pkg" / "dirlink")
    os.mkfifo(out / "fifo")
    (out / "empty").mkdir()
    (out / "my__pycache__notes.txt").write_text("not a cache")
    (out / "private.txt").write_text("p")
    (out / "private.txt").chmod(0o600)
    (out / "pkg").chmod(0o751)
    out.chmod(0o755)


def generated_state(out: Path, foreign: set[str]) -> dict[str, str]:
    """The non-foreign files of `out` as text (folders left out)."""
    state = {}
    for rel, entry in entries(out).items():
        if rel not in foreign and entry[0] != "dir":
            assert entry[0] == "file", (rel, entry)
            data = entry[3]
            assert isinstance(data, bytes)
            state[rel] = data.decode()
    return state


def expected(files: dict[str, str]) -> dict[str, str]:
    listed = json.dumps({"generated_by": "codegen", "files": sorted(files)}, indent=2) + "\n"
    return {**files, MANIFEST: listed}


def leftovers(root: Path) -> list[str]:
    found = [
        str(Path(d, n).relative_to(root))
        for d, dirs, names in os.walk(root)
        for n in dirs + names
        if LEFTOVER.search(n)
    ]
    return found + [n for n in os.listdir(root.parent) if n.startswith(f".{root.name}.")]


def run_child(
    out: Path, files: dict[str, str], kill_at: int | None = None, kill_after: float | None = None
) -> int:
    """The real writer in a forked process (cheap: no interpreter start), killed by its own
    checkpoint `kill_at` or by SIGKILL from here after `kill_after` seconds; the exit status."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            journal._checkpoints = 0
            if kill_at is not None:
                os.environ[KILL_AT_ENV] = str(kill_at)
            write_atomically(out, files)
        except BaseException:
            code = 1
        os._exit(code)
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, -signal.SIGKILL), code
    return code


def test_sigkill_at_every_checkpoint_and_at_random_instants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fsync guards against power loss, not SIGKILL (the page cache outlives the process), and
    # is most of the time here: the forked writers skip it.
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    monkeypatch.setattr(journal, "_syncfs", lambda folder: True)
    out = tmp_path / "out"
    foreign_folder(out, tmp_path / "outside")
    before = entries(out)
    sets = {"A": A, "B": B}
    wanted = {"A": expected(A), "B": expected(B)}
    assert run_child(out, sets["A"]) == 0
    started = time.perf_counter()
    assert run_child(out, sets["B"]) == 0
    span = time.perf_counter() - started
    current = "B"
    rng = random.Random(9)
    kills = recoveries = rolled_forward = rolled_back = 0
    # every checkpoint of both directions (B->A, then A->B: a run that is not killed ends a
    # sweep), then kills at random instants
    sweeps, kill_at, randoms = 0, 1, 20
    while sweeps < 2 or randoms:
        target = "A" if current == "B" else "B"
        if sweeps < 2:
            code = run_child(out, sets[target], kill_at=kill_at)
            kill_at += 1
        else:
            code = run_child(out, sets[target], kill_after=rng.uniform(0, span))
            randoms -= 1
        if code == 0:
            current = target
            assert generated_state(out, set(before)) == wanted[target]
            if sweeps < 2:
                sweeps, kill_at = sweeps + 1, 1
            continue
        kills += 1
        if kills % 2:  # the recovery alone leaves the old or the new package, whole
            with locked(out) as have:
                done = recover(out, have)
            state = generated_state(out, set(before))
            assert state in (wanted[current], wanted[target]), kill_at
            rolled_forward += state == wanted[target] and done is not None
            rolled_back += state == wanted[current] and done is not None
        write_atomically(out, sets[target])  # the next run, recovering by itself
        recoveries += 1
        current = target
        assert generated_state(out, set(before)) == wanted[target], kill_at
        assert entries(out).items() >= before.items()
        assert leftovers(out) == []
    assert (tmp_path / "outside" / "t.txt").read_text() == "target"
    print(
        f"kills {kills}, recoveries {recoveries}, rolled forward {rolled_forward}, "
        f"rolled back {rolled_back}, lost 0, leftovers 0"
    )
    assert kills >= 50 and recoveries == kills


@pytest.mark.skipif(not os.environ.get("CODEGEN_KILL_FULL"), reason="set CODEGEN_KILL_FULL=1")
def test_sigkill_real_codegen_generate(project: Path) -> None:
    """`codegen generate` of the batch spec, alternating two package names (every file moves),
    killed 50 times at random instants and at writer checkpoints in a folder with foreign
    entries; after each kill the next run leaves the right package and no temp files."""
    out = project / "generated"
    foreign_folder(out, project / "outside")
    before = entries(out)
    env = {**os.environ}
    env.pop(KILL_AT_ENV, None)

    def generate(package: str, kill_at: int | None = None, kill_after: float | None = None) -> int:
        extra = {KILL_AT_ENV: str(kill_at)} if kill_at is not None else {}
        child = subprocess.Popen(
            [sys.executable, "-m", "codegen", "generate", "-q", "--force", "--package", package],
            cwd=project,
            env={**env, **extra},
            stderr=subprocess.PIPE,
            text=True,
        )
        if kill_after is not None:
            time.sleep(kill_after)
            child.send_signal(signal.SIGKILL)
        _, err = child.communicate()
        assert child.returncode in (0, -signal.SIGKILL), err
        return child.returncode

    names = ["alpha_batches", "beta_batches"]
    for name in names:  # fill the format cache for both
        assert generate(name) == 0
    wanted = {}
    for name in names:
        assert generate(name) == 0
        wanted[name] = generated_state(out, set(before))
    started = time.perf_counter()
    generate(names[0])
    span = time.perf_counter() - started
    rng = random.Random(1)
    kills = in_write = attempts = 0
    current = 0
    while kills < 50:
        attempts += 1
        assert attempts < 150, f"only {kills} kills landed"
        target = 1 - current
        if attempts % 3 == 0:  # at a writer checkpoint: between renames, mid-journal, ...
            code = generate(names[target], kill_at=rng.randint(1, 130))
        else:
            code = generate(names[target], kill_after=rng.uniform(0.3 * span, 0.95 * span))
        if code != 0:
            kills += 1
            in_write += bool(leftovers(out))  # killed while writing: journal or temp files
        assert generate(names[target]) == 0
        current = target
        assert generated_state(out, set(before)) == wanted[names[target]]
        assert entries(out).items() >= before.items()
        assert leftovers(out) == []
    print(
        f"kills {kills} in {attempts} runs ({in_write} while writing), recoveries {kills}, "
        f"lost 0, leftovers 0"
    )


def test_check_ignores_the_journal_and_temp_files_of_a_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_atomically(out, A)
    assert run_child(out, B, kill_at=8) == -signal.SIGKILL  # temp files written, none renamed
    assert leftovers(out), "the kill should leave a journal and temp files"
    assert compare(out, A).clean
    drift = compare(out, B)
    assert not drift.clean and not any(LEFTOVER.search(p) for p in drift.diff)
    write_atomically(out, B)
    assert compare(out, B).clean and leftovers(out) == []
