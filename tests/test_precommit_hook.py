"""The `codegen-check` hook of `.pre-commit-hooks.yaml`, run by the real `pre-commit` tool.

A temporary git repository holds this repository's generator (the hook source, at a commit, as
pre-commit requires), another holds a project that uses the hook: pre-commit builds the hook's
environment from the source (pip, PyPI only), the hook passes on the committed output, fails once
a spec change makes it drift, and passes again after `codegen generate`. Building that
environment needs PyPI and takes a minute or two, so the test is opt-in: CODEGEN_PRECOMMIT=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    run = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def commit_all(cwd: Path) -> str:
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "-m", "snapshot")
    return git(cwd, "rev-parse", "HEAD")


def copy(names: list[str], dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in names:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copyfile(src, dest / name)


@pytest.mark.skipif(
    os.environ.get("CODEGEN_PRECOMMIT") != "1",
    reason="opt-in (pip installs the hook environment from PyPI): CODEGEN_PRECOMMIT=1",
)
@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (test extra)")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_codegen_check_hook_fails_on_drift_and_passes_after_generate(tmp_path: Path) -> None:
    source = tmp_path / "hook-source"
    source.mkdir()
    git(source, "init", "-q")
    copy(["codegen", "templates", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"], source)
    rev = commit_all(source)

    project = tmp_path / "project"
    project.mkdir()
    git(project, "init", "-q")
    copy(["spec", "templates", "pyproject.toml", "generated"], project)
    (project / ".gitignore").write_text(".codegen-cache/\n__pycache__/\n")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: codegen-check\n"
    )
    commit_all(project)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "codegen-check", "--all-files"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    first = hook()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "codegen check" in first.stdout and "Passed" in first.stdout

    shared = project / "spec" / "resources" / "shared.d.ts"
    shared.write_text(
        shared.read_text().replace(
            "export interface ErrorResponse {",
            "/**\n * An error, as the API returns it.\n */\nexport interface ErrorResponse {",
        )
    )
    drifted = hook()
    assert drifted.returncode == 1, drifted.stdout + drifted.stderr
    assert "Failed" in drifted.stdout
    assert "An error, as the API returns it." in drifted.stdout  # the diff is shown
    assert "has drifted from the spec" in drifted.stdout

    generate = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "-q", "--templates", "templates"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert generate.returncode == 0, generate.stderr
    fixed = hook()
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
