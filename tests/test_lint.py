"""The generator itself stays clean under ruff and mypy --strict (config in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_clean() -> None:
    run = _run("ruff", "check", "codegen", "bench")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_clean() -> None:
    run = _run("mypy", "codegen", "bench")
    assert run.returncode == 0, run.stdout + run.stderr
