"""Shared fixtures: the repo, the seed, and later upstream releases unpacked on demand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
SEED = REPO / "tests" / "data" / "seed" / "batches.d.ts"


def upstream_dir() -> Path | None:
    """Where the upstream npm tarballs are: $CODEGEN_UPSTREAM, ../shared/upstream, /work/shared/upstream."""
    candidates = [
        os.environ.get("CODEGEN_UPSTREAM"),
        REPO.parent / "shared" / "upstream",
        "/work/shared/upstream",
    ]
    for candidate in candidates:
        if candidate and Path(candidate, "anthropic-ai-sdk-1.0.0.tgz").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def spec_of(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """spec_of("0.70.0") -> a folder holding the same files as spec/, taken from that release."""
    made: dict[str, Path] = {}

    def make(version: str) -> Path:
        if version in made:
            return made[version]
        source = upstream_dir()
        if source is None:
            pytest.skip("upstream tarballs not available")
        target = tmp_path_factory.mktemp(f"spec-{version}")
        wanted = {
            p.relative_to(SPEC).as_posix()
            for p in SPEC.rglob("*")
            if p.is_file() and p.name != "README.md"
        }
        with tarfile.open(source / f"anthropic-ai-sdk-{version}.tgz") as tar:
            for member in tar.getmembers():
                rel = member.name.removeprefix("package/")
                if rel in wanted:
                    data = tar.extractfile(member)
                    assert data is not None
                    (target / rel).parent.mkdir(parents=True, exist_ok=True)
                    (target / rel).write_bytes(data.read())
        made[version] = target
        return target

    return make


def codegen(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The `codegen` command, run as a user would, in `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def run_generated_tests(out: Path, *select: str) -> subprocess.CompletedProcess[str]:
    """A generated package's own pytest suite (real HTTP on 127.0.0.1), run in `out` as its
    users would: the package importable from there, no pytest cache written, and no pytest
    plugin but pytest's own (its `test` extra is pytest alone). This venv's plugins (hypothesis,
    anyio) are not loaded: hypothesis alone doubled the cost of a small run, every time."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *select],
        capture_output=True,
        text=True,
        cwd=out,
        env={**os.environ, "PYTHONPATH": str(out), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """pyproject, templates and spec/ of the repo, in a temporary folder (no output yet)."""
    dest = tmp_path / "project"
    dest.mkdir()
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")
    shutil.copytree(REPO / "templates", dest / "templates")
    shutil.copytree(REPO / "spec", dest / "spec")
    return dest


@pytest.fixture(scope="session")
def batch_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content-addressed parts of the cache (`format/`: black's output by its input,
    `scan/`: parsed spec files by their content) after one generate of the repo's own
    project, made once per session: what the first run of a copy of it would write."""
    from codegen.cache import Caches
    from codegen.config import load_config
    from codegen.pipeline import generate

    root = tmp_path_factory.mktemp("batch-cache")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "spec", root / "spec")
    config = load_config(root / "pyproject.toml", {"out": root / "out"})
    generate(config, Caches(config.cache))
    return config.cache


def seed_cache(project: Path, cache: Path) -> None:
    """Put `batch_cache`'s formatted files and parsed spec files into `project`'s cache (no
    stamp, no stat record: its first run still builds, only black and the parser are spared)."""
    for part in ("format", "scan"):
        shutil.copytree(cache / part, project / ".codegen-cache" / part)


@pytest.fixture
def repo_copy(project: Path, batch_cache: Path) -> Path:
    """`project` with the committed generated/ too, to run generate/check against; its cache
    seeded (`seed_cache`), as a developer's checkout has it."""
    shutil.copytree(
        REPO / "generated", project / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    seed_cache(project, batch_cache)
    return project
