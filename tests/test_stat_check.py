"""The warm run's stat shortcut (`codegen.stat_check`): taken when nothing changed, never when an
input or an output did, even an edit that keeps the size or the mtime."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from conftest import seed_cache

import codegen.pipeline as pipeline
from codegen.cache import Caches
from codegen.config import load_config
from codegen.pipeline import Build, generate
from codegen.stat_check import fs_clock, read_record, stat_key, tree_paths, watch


def run(project: Path, out: str = "out") -> Build:
    config = load_config(project / "pyproject.toml", {"out": project / out})
    return generate(config, Caches(config.cache))


def settle() -> None:
    """Let the filesystem's clock move past every file written so far (its tick is a few ms)."""
    time.sleep(0.05)


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture
def warm(project: Path, batch_cache: Path) -> Path:
    """`project` generated into out/, settled, so that the next unchanged run goes by stat.
    Its cache starts with the formatted and parsed files of the same inputs (`seed_cache`):
    the state after that first run is the same as from a cold one, reached without black."""
    seed_cache(project, batch_cache)
    settle()
    assert not run(project).stats.up_to_date
    settle()
    return project


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(config: object) -> object:
        raise AssertionError("the spec was read although nothing changed")

    monkeypatch.setattr(pipeline, "read_sources", refuse)


def test_unchanged_run_goes_by_stat_without_reading_the_spec(
    warm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(warm / "out")
    with monkeypatch.context() as patch:
        no_reading(patch)
        build = run(warm)
    assert build.stats.up_to_date and build.stats.by_stat and build.files == {}
    again = run(warm)  # warnings and notes are replayed from the stamp
    assert build.notes > 0 and (build.warnings, build.notes) == (again.warnings, again.notes)
    assert tree(warm / "out") == before


def test_same_size_spec_edit_rebuilds(warm: Path) -> None:
    spec = max((warm / "spec").rglob("*.d.ts"), key=lambda p: p.stat().st_size)
    text = spec.read_text()
    i = text.index("string")
    spec.write_text(text[:i] + "number" + text[i + 6 :])  # same size
    build = run(warm)
    assert not build.stats.up_to_date and build.spec is not None


def test_new_spec_file_is_decided_by_hashing(warm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (warm / "spec" / "notes.txt").write_text("not a spec file")
    settle()
    build = run(warm)  # the folder changed: hashed, found unchanged, recorded again
    assert build.stats.up_to_date and not build.stats.by_stat
    no_reading(monkeypatch)
    assert run(warm).stats.by_stat


def test_touched_output_is_hashed_once_then_trusted(warm: Path) -> None:
    target = warm / "out" / "README.md"
    past = time.time_ns() - 10**9
    os.utime(target, ns=(past, past))  # a new mtime and ctime, the same content
    settle()
    assert run(warm).stats.by_stat  # same content: still up to date
    record = read_record(Caches(warm / ".codegen-cache").stat_record_path(warm / "out"))
    assert record is not None and record.out["README.md"] == stat_key(str(target))


@pytest.mark.parametrize("change", ["edit keeping size and mtime", "delete"])
def test_changed_output_is_repaired(warm: Path, change: str) -> None:
    before = tree(warm / "out")
    target = next(p for p in sorted((warm / "out").rglob("*.py")) if p.stat().st_size > 100)
    if change == "delete":
        target.unlink()
    else:
        st = target.stat()
        data = bytearray(target.read_bytes())
        data[-2:-1] = b"#" if data[-2:-1] != b"#" else b"!"
        target.write_bytes(bytes(data))
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # only ctime tells
    build = run(warm)
    assert not build.stats.up_to_date
    assert tree(warm / "out") == before


def test_config_change_is_not_taken_by_stat(warm: Path) -> None:
    pyproject = warm / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('version = "0.1.0"', 'version = "0.2.0"'))
    assert not run(warm).stats.up_to_date


def test_template_overlay_change_rebuilds(warm: Path) -> None:
    template = warm / "templates" / "dist" / "README.md.j2"
    template.write_text(template.read_text() + "\nEdited.\n")
    assert not run(warm).stats.up_to_date


def test_young_inputs_leave_no_shortcut(tmp_path: Path) -> None:
    young = tmp_path / "young.d.ts"
    young.write_text("x")
    assert watch([str(young)], fs_clock(tmp_path / "clock")) is None  # written this tick
    settle()
    assert watch([str(young)], fs_clock(tmp_path / "clock")) == {str(young): stat_key(str(young))}
    assert watch([str(tmp_path / "missing")], fs_clock(tmp_path / "clock")) is None


def test_input_paths_cover_spec_codegen_templates_and_sys_path(project: Path) -> None:
    import codegen

    config = load_config(project / "pyproject.toml", {"out": project / "out"})
    paths = set(pipeline._input_paths(config))
    assert set(tree_paths(project / "spec")) <= paths
    assert os.path.abspath(codegen.__file__) in paths
    assert str((project / "templates" / "dist" / "README.md.j2").resolve()) in {
        os.path.realpath(p) for p in paths
    }
    assert not any("__pycache__" in p for p in paths)
    site = [os.path.abspath(p) for p in sys.path if p.endswith("site-packages")]
    assert site and set(site) <= paths
