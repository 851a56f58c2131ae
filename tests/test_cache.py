"""The content-hash cache: cached runs equal cold (`--no-cache`) runs byte for byte, a changed spec
file is the only one re-parsed, a warm run only verifies, and a damaged cache is only slower."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEED

import codegen.parser as parser_module
from codegen.cache import BlobStore, Caches
from codegen.config import Config, load_config
from codegen.ir import to_jsonable
from codegen.parser import parse_spec
from codegen.parser import scan_cache as scan_cache_module
from codegen.parser.scan_cache import ScanCache
from codegen.pipeline import Build, generate
from codegen.stats import Stats


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def config_of(project: Path, out: str) -> Config:
    return load_config(project / "pyproject.toml", {"out": project / out})


def run(project: Path, out: str, cached: bool = True) -> Build:
    config = config_of(project, out)
    return generate(config, Caches(config.cache) if cached else None)


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modules whose .d.ts is parsed and scanned (not taken from the cache)."""
    seen: list[str] = []
    real = parser_module.scan_module

    def spy(source, root, diags, given):  # type: ignore[no-untyped-def]
        seen.append(source.module)
        return real(source, root, diags, given)

    monkeypatch.setattr(parser_module, "scan_module", spy)
    return seen


def test_cached_runs_equal_a_cold_run_and_only_the_changed_file_is_reparsed(
    project: Path, scanned: list[str]
) -> None:
    cold = run(project, "cold", cached=False)
    assert not cold.stats.cached and cold.stats.spec_hits == 0
    scanned.clear()
    first = run(project, "cached")
    assert tree(project / "cached") == tree(project / "cold")
    assert first.stats.spec_hits == 0 and len(scanned) == 6
    assert first.stats.format_hits < first.stats.formatted

    # a run into a fresh folder: every spec file and every formatted file from the cache
    scanned.clear()
    again = run(project, "again")
    assert tree(project / "again") == tree(project / "cold")
    assert scanned == []
    assert again.stats.spec_hits == again.stats.spec_files == 12
    assert again.stats.format_hits == again.stats.formatted

    # one spec file changes: only it is re-parsed, and the output equals a cold run's
    shared = project / "spec" / "resources" / "shared.d.ts"
    shared.write_text(
        shared.read_text().replace(
            "export interface ErrorResponse {",
            "/**\n * An error, as the API returns it.\n */\nexport interface ErrorResponse {",
        )
    )
    scanned.clear()
    changed = run(project, "cached")
    assert scanned == ["resources/shared"]
    assert changed.stats.spec_hits == 11
    # no file names the spec as a whole (the manifest does): only the files whose own content
    # changed miss the formatted-output cache
    assert 0 < changed.stats.formatted - changed.stats.format_hits <= 3
    cold_after = run(project, "cold-after", cached=False)
    assert tree(project / "cached") == tree(project / "cold-after")
    assert tree(project / "cached") != tree(project / "cold")
    assert "An error, as the API returns it." in (project / "cached" / "README.md").read_text() or (
        "An error, as the API returns it."
        in (project / "cached" / "anthropic_batches" / "types" / "shared" / "error_response.py").read_text()
    )
    assert cold_after.warnings == changed.warnings and cold_after.notes == changed.notes


def test_warm_run_only_verifies(project: Path) -> None:
    first = run(project, "out")
    assert not first.stats.up_to_date
    before = tree(project / "out")
    warm = run(project, "out")
    assert warm.stats.up_to_date and warm.spec is None and warm.files == {}
    assert warm.warnings == first.warnings and warm.notes == first.notes
    assert tree(project / "out") == before

    # a generated file edited by hand: rebuilt (from the cache) and restored
    edited = project / "out" / "anthropic_batches" / "_client.py"
    edited.write_text(edited.read_text() + "# local edit\n")
    assert not run(project, "out").stats.up_to_date
    assert tree(project / "out") == before
    assert run(project, "out").stats.up_to_date

    # a generated file removed, or the manifest changed: rebuilt
    (project / "out" / "README.md").unlink()
    assert not run(project, "out").stats.up_to_date
    assert tree(project / "out") == before

    # a template changed: rebuilt, and the output equals a cold run's
    template = project / "templates" / "dist" / "README.md.j2"
    template.write_text(template.read_text() + "\nEdited.\n")
    assert not run(project, "out").stats.up_to_date
    run(project, "cold", cached=False)
    assert tree(project / "out") == tree(project / "cold")
    assert run(project, "out").stats.up_to_date

    # a foreign file in the output folder is not the generator's business
    (project / "out" / "NOTES.txt").write_text("mine")
    assert run(project, "out").stats.up_to_date


def test_config_change_is_not_up_to_date(project: Path) -> None:
    run(project, "out")
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    old = 'distribution = "anthropic-batches"\nversion = "0.1.0"'
    assert old in text
    pyproject.write_text(text.replace(old, old.replace("0.1.0", "0.2.0")))
    build = run(project, "out")
    assert not build.stats.up_to_date
    assert 'version = "0.2.0"' in (project / "out" / "pyproject.toml").read_text()


def _damage(root: Path) -> int:
    """Every kind of bad entry: garbage, a truncated file, a good envelope around a bad pickle,
    a good envelope around a pickle of the wrong thing."""
    count = 0
    for i, path in enumerate(sorted(p for p in root.rglob("*") if p.is_file())):
        key = path.name
        store = BlobStore(path.parent.parent)
        kind = i % 4
        if kind == 0:
            path.write_bytes(b"\x00garbage")
        elif kind == 1:
            path.write_bytes(path.read_bytes()[:-7])
        elif kind == 2:
            store.put(key, b"not a pickle \xff")
        else:
            store.put(key, pickle.dumps({"unexpected": 42}))
        count += 1
    return count


def test_corrupted_cache_entries_are_ignored(project: Path) -> None:
    run(project, "cold", cached=False)
    first = run(project, "out")
    cache = project / ".codegen-cache"
    assert _damage(cache / "scan") >= 12 and _damage(cache / "format") >= 20
    for stamp in (cache / "stamps").iterdir():
        stamp.write_text("{not json")
    again = run(project, "out")
    assert not again.stats.up_to_date
    assert again.stats.spec_hits == 0
    # the damaged formatted entries are all misses (bytes that decode are still checksummed);
    # hits are only files whose text another file of this run already had
    assert again.stats.format_hits == first.stats.format_hits
    assert tree(project / "out") == tree(project / "cold")
    assert again.warnings == first.warnings
    # and the cache healed itself
    assert run(project, "out2").stats.format_hits == again.stats.formatted


def test_cached_parse_replays_diagnostics_exactly(tmp_path: Path) -> None:
    spec = tmp_path / "seed"
    spec.mkdir()
    shutil.copy(SEED, spec / "batches.d.ts")
    cold = parse_spec(spec)
    cache = ScanCache(BlobStore(tmp_path / "cache"))
    first = parse_spec(spec, cache=cache)
    warm_cache = ScanCache(BlobStore(tmp_path / "cache"))
    stats = Stats()
    warm = parse_spec(spec, cache=warm_cache, stats=stats)
    assert warm_cache.hits == 1 and stats.spec_hits == 1
    assert any(d.code == "recovered-type" for d in cold.diagnostics)
    assert to_jsonable(cold) == to_jsonable(first) == to_jsonable(warm)
    assert [str(d) for d in warm.diagnostics] == [str(d) for d in cold.diagnostics]


def test_parser_change_invalidates_parsed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "cache")
    parse_spec(REPO / "spec", cache=ScanCache(store))
    same = ScanCache(store)
    parse_spec(REPO / "spec", cache=same)
    assert same.hits == 12
    monkeypatch.setattr(scan_cache_module, "parser_digest", lambda: "another parser")
    other = ScanCache(store)
    parse_spec(REPO / "spec", cache=other)
    assert other.hits == 0 and other.misses == 12


def test_scans_hold_no_tree_sitter_nodes(tmp_path: Path) -> None:
    """Pickling would fail on a tree-sitter node; the store would then silently hold nothing."""
    store = BlobStore(tmp_path / "cache")
    parse_spec(REPO / "spec", cache=ScanCache(store))
    assert len([p for p in (tmp_path / "cache").rglob("*") if p.is_file()]) == 12


def test_stamp_is_small_json(project: Path) -> None:
    run(project, "out")
    caches = Caches(project / ".codegen-cache")
    stamp = caches.stamp_path(project / "out")
    # beside it only the stat record of `codegen.stat_check`
    assert {p.name for p in stamp.parent.iterdir()} == {
        stamp.name,
        caches.stat_record_path(project / "out").name,
    }
    data = json.loads(stamp.read_text())
    assert set(data) == {"inputs", "files", "warnings", "notes", "spec_files"}
    assert ".codegen-manifest.json" in data["files"]


def test_black_in_processes_equals_black_here() -> None:
    from codegen.emit.render import PARALLEL_MIN_CHARS, black_many

    texts = [
        p.read_text().replace("    ", "  ")  # something for black to do
        for p in sorted((REPO / "generated").rglob("*.py"))
        if "__pycache__" not in p.parts
    ]
    texts.append("def broken(:\n")
    assert sum(map(len, texts)) >= PARALLEL_MIN_CHARS
    here = black_many(texts, 1)
    assert black_many(texts, 2) == here
    assert here[-1][0] is None and here[-1][1]
    assert all(formatted is not None for formatted, _ in here[:-1])


def test_template_output_error_names_the_first_bad_file(tmp_path: Path) -> None:
    from codegen.emit.render import Formatter, TemplateOutputError

    formatter = Formatter(BlobStore(tmp_path), Stats())
    items = [("a.j2", "a.py", "x = 1\n"), ("b.j2", "b.py", "def (:\n"), ("c.j2", "c.py", "(\n")]
    with pytest.raises(
        TemplateOutputError, match=r"template b\.j2 rendered invalid Python for b\.py"
    ):
        formatter.format_all(items, 1)
    assert formatter.format_all(items[:1], 1) == {"a.py": "x = 1\n"}
    assert formatter.stats.format_hits == 1  # a.py was formatted and stored before the error
