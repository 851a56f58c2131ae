"""Shared fixtures: the repo, the seed, and later upstream releases unpacked on demand."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repo's pyproject, templates and generated/ to run generate/check against."""
    dest = tmp_path / "repo"
    dest.mkdir()
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")
    shutil.copytree(REPO / "templates", dest / "templates")
    shutil.copytree(REPO / "spec", dest / "spec")
    shutil.copytree(
        REPO / "generated", dest / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    return dest
