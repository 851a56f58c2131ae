"""`--out` owns only what its manifest lists: one test per way a real folder was damaged before
(foreign files overwritten; links, FIFOs, empty folders, `*__pycache__*` names deleted; hard
links broken; modes reset to 0700; `/`, home, the project, the spec or a file taken as `--out`)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import REPO, SPEC, codegen

from codegen.emit.ownership import MANIFEST
from codegen.emit.writer import compare, write_atomically
from codegen.errors import SpecError

A = {
    "README.md": "# generated\n",
    "pyproject.toml": "[project]\nname = 'pkg'\n",
    "pkg/__init__.py": "from pkg._client import Client\n",
    "pkg/_client.py": "class Client: ...\n",
    "pkg/resources/old/__init__.py": "OLD = 1\n",
    "tests/test_pkg.py": "def test_x() -> None: ...\n",
}
B = {k: v for k, v in A.items() if "/old/" not in k} | {
    "pkg/_client.py": "class Client:\n    version = 2\n",
    "pkg/resources/new/__init__.py": "NEW = 1\n",
}


def entries(root: Path) -> dict[str, tuple[object, ...]]:
    """Every entry under `root` (not following links): kind, mode, inode, and content/target."""
    found: dict[str, tuple[object, ...]] = {".": ("dir", stat.S_IMODE(root.lstat().st_mode))}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            rel = path.relative_to(root).as_posix()
            mode = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                found[rel] = ("dir", mode)
            elif stat.S_ISFIFO(st.st_mode):
                found[rel] = ("fifo", mode, st.st_ino)
            else:
                found[rel] = ("file", mode, st.st_ino, path.read_bytes())
    return found


def generated(files: dict[str, str]) -> set[str]:
    return {*files, MANIFEST}


def assert_foreign_intact(root: Path, before: dict[str, tuple[object, ...]]) -> None:
    after = entries(root)
    for rel, entry in before.items():
        assert after.get(rel) == entry, rel


def test_foreign_files_at_generated_paths_are_a_collision(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for rel in ("README.md", "pyproject.toml", "pkg/_client.py"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(f"the user's {rel}\n")
    before = entries(out)
    with pytest.raises(SpecError) as err:
        write_atomically(out, A)
    message = str(err.value)
    assert "\n" not in message and "3 generated paths collide" in message
    assert all(rel in message for rel in ("README.md", "pyproject.toml", "pkg/_client.py"))
    assert entries(out) == before  # nothing written at all
    write_atomically(out, A, force=True)
    assert (out / "README.md").read_text() == A["README.md"]
    write_atomically(out, B)  # now owned: replaced without --force
    assert (out / "pkg/_client.py").read_text() == B["pkg/_client.py"]


def _links(out: Path, elsewhere: Path) -> None:
    os.symlink(elsewhere / "target.txt", out / "link-to-file")
    os.symlink(elsewhere, out / "link-to-folder")
    os.symlink(elsewhere / "nowhere", out / "dangling")


def _hard_link(out: Path, elsewhere: Path) -> None:
    (out / "notes").mkdir()
    (out / "notes" / "mine.txt").write_text("mine")
    os.link(out / "notes" / "mine.txt", out / "mine-hardlink.txt")
    os.link(out / "notes" / "mine.txt", elsewhere / "outside-hardlink.txt")


def _modes(out: Path, elsewhere: Path) -> None:
    (out / "pkg").mkdir()
    (out / "secret.txt").write_text("s")
    (out / "secret.txt").chmod(0o600)
    (out / "script.sh").write_text("#!/bin/sh\n")
    (out / "script.sh").chmod(0o755)
    (out / "pkg").chmod(0o750)  # a foreign folder generated files go into
    out.chmod(0o755)


def _pycache(out: Path, elsewhere: Path) -> None:
    (out / "my__pycache__notes.txt").write_text("not a cache")
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "user.cpython-311.pyc").write_bytes(b"the user's bytecode")


def _empty_folders(out: Path, elsewhere: Path) -> None:
    (out / "empty").mkdir()
    (out / "pkg" / "empty").mkdir(parents=True)


FOREIGN_CASES = {
    "symlinks": _links,
    "fifo": lambda out, _: os.mkfifo(out / "fifo"),
    "empty folders": _empty_folders,
    "__pycache__ in a name": _pycache,
    "hard links": _hard_link,
    "file and folder modes": _modes,
}


@pytest.mark.parametrize("case", list(FOREIGN_CASES))
def test_foreign_entries_are_left_exactly_as_they_were(tmp_path: Path, case: str) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "target.txt").write_text("linked")
    out.mkdir(mode=0o755)
    FOREIGN_CASES[case](out, elsewhere)
    before = entries(out)
    outside = entries(elsewhere)
    write_atomically(out, A)
    assert_foreign_intact(out, before)
    write_atomically(out, B)  # a second run: changes, additions, removals
    assert_foreign_intact(out, before)
    assert entries(elsewhere) == outside
    new = set(entries(out)) - set(before)
    assert new == generated(B) | {"pkg", "pkg/resources", "pkg/resources/new", "tests"} - set(
        before
    )


def test_stale_owned_files_go_with_their_bytecode_and_emptied_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_atomically(out, A)
    cache = out / "pkg" / "resources" / "old" / "__pycache__"
    cache.mkdir()
    (cache / "__init__.cpython-311.pyc").write_bytes(b"pyc")
    (out / "pkg" / "__pycache__").mkdir()
    (out / "pkg" / "__pycache__" / "_client.cpython-311.pyc").write_bytes(b"kept")
    (out / "pkg" / "__pycache__" / "old_notes.cpython-311.pyc").write_bytes(b"kept")
    (out / "tests" / "empty-of-mine").mkdir()
    write_atomically(out, B)
    assert not (out / "pkg" / "resources" / "old").exists()
    assert (out / "pkg" / "__pycache__" / "_client.cpython-311.pyc").read_bytes() == b"kept"
    assert (out / "pkg" / "__pycache__" / "old_notes.cpython-311.pyc").exists()
    assert (out / "tests" / "empty-of-mine").is_dir()
    listed = json.loads((out / MANIFEST).read_text())["files"]
    assert set(listed) == set(B)


def test_a_foreign_file_keeps_its_folder_when_the_owned_ones_go(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_atomically(out, A)
    (out / "pkg" / "resources" / "old" / "mine.txt").write_text("mine")
    write_atomically(out, B)
    assert (out / "pkg" / "resources" / "old" / "mine.txt").read_text() == "mine"
    assert not (out / "pkg" / "resources" / "old" / "__init__.py").exists()


def test_unchanged_files_are_not_rewritten_and_replaced_ones_keep_their_mode(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    write_atomically(out, A)
    os.link(out / "README.md", tmp_path / "readme-link")
    (out / "pkg" / "_client.py").chmod(0o640)
    write_atomically(out, B)
    assert (out / "README.md").stat().st_ino == (tmp_path / "readme-link").stat().st_ino
    assert stat.S_IMODE((out / "pkg" / "_client.py").stat().st_mode) == 0o640
    assert (out / "pkg" / "_client.py").read_text() == B["pkg/_client.py"]


def test_a_link_or_file_where_a_folder_goes_is_refused_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out.mkdir()
    os.symlink(elsewhere, out / "pkg")
    (out / "tests").write_text("a file")
    (out / "README.md").mkdir()
    before = entries(out)
    for force in (False, True):
        with pytest.raises(SpecError) as err:
            write_atomically(out, A, force=force)
        assert "pkg (not a folder" in str(err.value) and "tests (not a folder" in str(err.value)
        assert "README.md (a folder)" in str(err.value)
    assert entries(out) == before and list(elsewhere.iterdir()) == []


def test_a_forged_manifest_owns_nothing_outside_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    forged = {"files": ["../victim.txt", str(victim), "pkg/../../victim.txt", "./x", ""]}
    (out / MANIFEST).write_text(json.dumps(forged))
    assert compare(out, A).extra == []
    write_atomically(out, A, force=True)
    assert victim.read_text() == "keep me"


# --- the output folder itself -------------------------------------------------------------


@pytest.mark.parametrize(
    ("out", "says"),
    [
        ("/", "is the filesystem root"),
        ("HOME", "is the home folder"),
        (".", "is the project root"),
        ("..", "is a folder holding the"),
        ("spec", "overlaps the spec folder"),
        ("spec/resources", "overlaps the spec folder"),
        ("pyproject.toml", "exists and is not a folder"),
        ("a-file", "exists and is not a folder"),
        ("a-fifo", "exists and is not a folder"),
        ("a-dangling-link", "exists and is not a folder"),
    ],
)
def test_out_folders_that_are_refused(project: Path, out: str, says: str) -> None:
    home = project.parent / "home"
    home.mkdir(exist_ok=True)
    (project / "a-file").write_text("mine")
    os.mkfifo(project / "a-fifo")
    os.symlink(project / "nowhere", project / "a-dangling-link")
    before = entries(project)
    run = codegen(
        "generate",
        "--out",
        str(home) if out == "HOME" else out,
        cwd=project,
        env={"HOME": str(home)},
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("codegen: ") and says in run.stderr
    assert entries(project) == before


def test_generate_into_a_folder_with_foreign_files_end_to_end(project: Path) -> None:
    out = project / "generated"
    out.mkdir()
    (out / "README.md").write_text("the user's readme\n")
    (out / "keep.txt").write_text("keep\n")
    run = codegen("generate", "-q", cwd=project)
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert "README.md" in run.stderr and "--force" in run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "keep.txt"]
    assert codegen("generate", "-q", "--force", cwd=project).returncode == 0
    assert (out / "keep.txt").read_text() == "keep\n"
    assert "the user's" not in (out / "README.md").read_text()
    assert codegen("check", cwd=project).returncode == 0


def test_the_old_two_rename_swap_is_undone_and_its_temp_folders_dropped(tmp_path: Path) -> None:
    """Codegen before the journal could be killed between its two renames: `out` missing, the
    user's files only in `.out.old-PID`, copies in `.out.new-*`. The next run puts them back."""
    dead = 4194305  # above Linux's pid_max: never a live process
    (tmp_path / f".out.old-{dead}").mkdir()
    (tmp_path / f".out.old-{dead}" / "mine.txt").write_text("mine")
    (tmp_path / ".out.new-abc123").mkdir()
    (tmp_path / ".out.new-abc123" / "copy.txt").write_text("copy")
    (tmp_path / ".other.new-abc123").mkdir()
    write_atomically(tmp_path / "out", A)
    assert (tmp_path / "out" / "mine.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-abc123", "out"]


def test_out_dot_is_fine_outside_a_project(tmp_path: Path) -> None:
    """No pyproject.toml in the folder: `--out .` there is a plain output folder, not a project."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "keep.txt").write_text("keep")
    templates = str(REPO / "templates")
    run = codegen(
        "generate", "-q", "--spec", str(SPEC), "--templates", templates, "--out", ".", cwd=work
    )
    assert run.returncode == 0, run.stderr
    assert (work / "keep.txt").read_text() == "keep" and (work / MANIFEST).is_file()
