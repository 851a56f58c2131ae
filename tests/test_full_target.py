"""The whole SDK (`full` target): generates, type-checks and passes its own tests.

Opt-in (`CODEGEN_FULL=1`): it fetches @anthropic-ai/sdk 1.14.0 with npm and takes a few
minutes, so the default suite leaves it out. Also ruff with its default rules (see
`lint_generated`) and `mypy --strict` on the package and its tests. The same checks, by hand,
are in the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lint_generated import mypy_strict, ruff_default_rules

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.environ.get("CODEGEN_FULL") != "1",
    reason="set CODEGEN_FULL=1 to fetch and generate the whole SDK (a few minutes)",
)


# every model of every types module, imported as a user would; prints those left incomplete
# (a `ForwardRef` in `model_fields`): 251 of 1,035 before `complete_models`
INCOMPLETE_MODELS = """
import importlib, pkgutil, pydantic
import anthropic_full.types as types
modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(types.__path__, "anthropic_full.types.")]
models = [v for m in modules for v in vars(m).values()
          if isinstance(v, type) and issubclass(v, pydantic.BaseModel) and v.__module__ == m.__name__]
assert len(models) > 1000, len(models)
print([m.__name__ for m in models if not m.__pydantic_complete__])
"""


def _run(*args: str, cwd: Path = ROOT, timeout: int = 1200) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test_whole_sdk_generates_type_checks_and_passes_its_tests(tmp_path: Path) -> None:
    fetch = _run(sys.executable, "-m", "codegen", "fetch", "--target", "full")
    assert fetch.returncode == 0, fetch.stderr
    out = tmp_path / "full"
    gen = _run(sys.executable, "-m", "codegen", "generate", "--target", "full", "--out", str(out))
    assert gen.returncode == 0, gen.stderr
    assert (out / "anthropic_full" / "resources" / "messages" / "batches.py").is_file()
    ruff = ruff_default_rules(out)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    mypy = mypy_strict(out, "anthropic_full", "tests")
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    complete = _run(sys.executable, "-c", INCOMPLETE_MODELS, cwd=out)
    assert complete.returncode == 0 and complete.stdout.strip() == "[]", complete.stdout[-3000:]
    tests = _run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=out)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout
