"""The linters a generated package's users run, as the tests run them on generated output.

ruff with its *default* rule set (no config: `--isolated`; the target version is the generated
package's `requires-python`, 3.11) and `mypy --strict`. Since ruff 0.16 the default set is ~400
rules; `NOT_YET` (and, for the whole SDK, `NOT_YET_FULL`) lists those the generated code does
not meet yet, each a rule about code of a template or of the runtime that other work of issue
13 rewrites (the runtime as real Python, the typed template contexts). Every other default
rule, unused imports (F401) included, must be clean; a rule met everywhere must leave
`NOT_YET` (the test on generated/ checks that each still fires).
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

NOT_YET = {
    "UP017": "timezone.utc in the client tests template",
    "RUF012": "mutable class defaults (the runtime's pages, the test helpers)",
    "PYI034": "MockServer.__enter__ return type (the test server template)",
    "B009": "getattr with a constant (the client tests template)",
    "SIM117": "nested with statements (the faults tests template)",
    "SIM401": "an if block where dict.get would do (the runtime)",
}


# Default rules the whole SDK's output (the `full` target) does not meet yet beyond `NOT_YET`:
# constructs the batch target does not have.
NOT_YET_FULL = {
    "F841": "the runtime's pages assign `query` and may not use it (pagination)",
    "PYI030": "`Literal[False] | Literal[True]` of the stream overloads' implementation",
    "TC005": "an empty `if TYPE_CHECKING:` block in a types package with nothing to import",
}


def ruff_default_rules(
    folder: Path, ignore: Iterable[str] = ()
) -> subprocess.CompletedProcess[str]:
    """`ruff check` with ruff's default rules over `folder`, less the rules in `ignore`."""
    rules = ",".join(sorted(ignore))
    args = [*RUFF_DEFAULT_RULES, *(["--ignore", rules] if rules else []), "."]
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=folder, capture_output=True, text=True
    )


def findings(run: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    """(rule code, report line) of a concise ruff report (`path:line:col: CODE message`)."""
    found = []
    for line in run.stdout.splitlines():
        where, sep, rest = line.partition(": ")
        if sep and where.count(":") >= 2 and rest:
            found.append((rest.split(" ", 1)[0], line))
    return found


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
