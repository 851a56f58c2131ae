"""The linters a generated package's users run, as the tests run them on generated output.

ruff with its *default* rule set (no config: `--isolated`; the target version is the generated
package's `requires-python`, 3.11) and `mypy --strict`. Since ruff 0.16 the default set is ~400
rules (annotation style, isort's import order, `__all__` order, ...); the generated code, the
whole SDK's output and the runtime sources meet every one of them.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
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


# What generated packages and their tests import from outside themselves: checked once per
# session into a cache that each `mypy_strict` run starts from a copy of (see `_warm_cache`).
WARM_IMPORTS = (
    "asyncio", "collections.abc", "contextlib", "contextvars", "dataclasses", "datetime",
    "email.utils", "functools", "http.server", "httpx", "importlib", "importlib.metadata",
    "inspect", "io", "json", "logging", "os", "pathlib", "pkgutil", "platform", "pydantic",
    "pydantic.fields", "pytest", "random", "re", "socket", "sys", "threading", "time",
    "tracemalloc", "types", "typing", "typing_extensions", "urllib.parse", "warnings",
)
_WARM: list[Path] = []


def _mypy(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: int = 1800
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout,
    )


def _warm_cache() -> Path:
    """mypy's cache of the stdlib and third-party modules that generated code imports, made
    once per process (a cold `mypy --strict` spends most of its time on them). It holds no
    module of any package under test: each run gets a fresh copy."""
    if not _WARM:
        root = Path(tempfile.mkdtemp(prefix="mypy-warm-"))
        atexit.register(shutil.rmtree, root, True)
        (root / "warm.py").write_text("".join(f"import {m}\n" for m in WARM_IMPORTS))
        run = _mypy(f"--cache-dir={root / 'cache'}", "warm.py", cwd=root)
        assert run.returncode == 0, run.stdout + run.stderr
        _WARM.append(root / "cache")
    return _WARM[0]


def mypy_strict(
    folder: Path, *targets: str, timeout: int = 1800
) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` on `targets` inside `folder`. No cache is left in the output folder and
    none is stale: the run starts from a private copy of `_warm_cache` (stdlib and third-party
    modules only), so every module of `folder` is checked from source."""
    with tempfile.TemporaryDirectory(prefix="mypy-") as tmp:
        cache = Path(tmp) / "cache"
        shutil.copytree(_warm_cache(), cache)
        return _mypy(
            f"--cache-dir={cache}",
            *targets,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(folder)},
            timeout=timeout,
        )
