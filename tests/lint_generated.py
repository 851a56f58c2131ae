"""The linters a generated package's users run, as the tests run them on generated output.

ruff with its *default* rule set (no config: `--isolated`; the target version is the generated
package's `requires-python`, 3.11) and `mypy --strict`. Since ruff 0.16 the default set is ~400
rules (annotation style, isort's import order, `__all__` order, ...); the generated code, the
whole SDK's output and the runtime sources meet every one of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

RUFF_DEFAULT_RULES = (
    "check",
    "--isolated",
    "--no-cache",
    "--target-version",
    "py311",
    "--output-format",
    "concise",
)

def ruff_default_rules(
    folder: Path, ignore: Iterable[str] = ()
) -> subprocess.CompletedProcess[str]:
    """`ruff check` with ruff's default rules over `folder`, less the rules in `ignore`."""
    rules = ",".join(sorted(ignore))
    args = [*RUFF_DEFAULT_RULES, *(["--ignore", rules] if rules else []), "."]
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=folder, capture_output=True, text=True
    )


def mypy_strict(
    folder: Path, *targets: str, timeout: int = 1800
) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` on `targets` inside `folder`; no cache is read or written (none is left
    in the output folder, and the result is never stale)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            *targets,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(folder)},
        timeout=timeout,
    )
