"""The generator itself stays clean under ruff and mypy --strict (config in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lint_generated import ruff_default_rules

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_clean() -> None:
    run = _run("ruff", "check", "codegen", "bench")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_strict_clean() -> None:
    run = _run("mypy", "codegen", "bench")
    assert run.returncode == 0, run.stdout + run.stderr


RUNTIME_TESTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("*runtime_*.py"))


def test_runtime_sources_clean_in_place() -> None:
    """The package runtime (codegen/runtime/, copied into every generated package) and its unit
    tests: the repo's ruff rules, ruff's default rules (what the packages' users run, no repo
    config) and mypy --strict."""
    assert len(RUNTIME_TESTS) >= 5
    run = _run("ruff", "check", "codegen/runtime", *RUNTIME_TESTS)
    assert run.returncode == 0, run.stdout + run.stderr
    run = ruff_default_rules(ROOT / "codegen" / "runtime")
    assert run.returncode == 0, run.stdout + run.stderr
    run = _run("mypy", "--strict", "codegen/runtime", *RUNTIME_TESTS)
    assert run.returncode == 0, run.stdout + run.stderr
