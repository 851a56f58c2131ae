"""Request-for-request mode: the official tests' own call sites, sent by both SDKs.

The package layouts differ (issue 10 item 2), so the renamed test files cannot import ours yet.
This mode needs no import of a test file: it reads the sync `test_method_*` functions of the
official `tests/api_resources/**` with `ast`, keeps each one's first `client.<path>.<method>(...)`
call (its arguments as source text), and `bench/peer_drive.py` replays every call through each
SDK's sync client against the logging mock, one tag per call. Arguments that are not literals
(`parse_datetime(...)`, `date(...)`, `b"..."`) are evaluated by the driver with the standard
library's equivalents, so both SDKs get equal values.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).with_name("peer_drive.py")


@dataclass
class Call:
    id: str  # tests/api_resources/x/test_y.py::TestY::test_method_z
    path: list[str]  # resource attributes from the client, then the method name
    args: list[str]  # positional arguments, as source
    kwargs: dict[str, str]  # keyword arguments, as source
    respx: bool  # the test mocks this request with respx (it never reaches a server there)


def _chain(node: ast.expr) -> list[str] | None:
    """`client.a.b.c` -> ["a", "b", "c"]; None if the chain does not start at `client`."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id == "client":
        return list(reversed(parts))
    return None


def _first_call(fn: ast.FunctionDef) -> ast.Call | None:
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and _chain(node.func):
            chain = _chain(node.func) or []
            if chain and chain[0] not in ("with_raw_response", "with_streaming_response"):
                return node
    return None


def extract_calls(tests: Path) -> tuple[list[Call], list[str]]:
    """Every sync `test_method_*` call site under `tests/api_resources`, and the tests skipped
    (a `**kwargs` or `*args` call, or no client call)."""
    calls: list[Call] = []
    skipped: list[str] = []
    root = tests / "api_resources"
    for path in sorted(root.rglob("test_*.py")):
        rel = str(path.relative_to(tests.parent))
        tree = ast.parse(path.read_text())
        for cls in tree.body:
            if not isinstance(cls, ast.ClassDef) or cls.name.startswith("TestAsync"):
                continue
            for fn in cls.body:
                if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test_method"):
                    continue
                node_id = f"{rel}::{cls.name}::{fn.name}"
                call = _first_call(fn)
                if call is None or any(isinstance(a, ast.Starred) for a in call.args) or any(
                    k.arg is None for k in call.keywords
                ):
                    skipped.append(node_id)
                    continue
                calls.append(Call(
                    id=node_id,
                    path=_chain(call.func) or [],
                    args=[ast.unparse(a) for a in call.args],
                    kwargs={k.arg: ast.unparse(k.value) for k in call.keywords if k.arg},
                    respx="respx_mock" in {a.arg for a in fn.args.args},
                ))
    return calls, skipped


def drive(
    python: str, package: str, calls: list[Call], base_url: str, label: str,
    env_extra: dict[str, str], timeout: float,
) -> dict[str, str]:
    """Replays `calls` through `package` in `python`; returns call id -> outcome
    ("ok" or "<ExceptionType>: message")."""
    payload = json.dumps({
        "package": package, "base_url": base_url, "label": label,
        "calls": [asdict(c) for c in calls],
    })
    run = subprocess.run(
        [python, str(DRIVER)], input=payload, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **env_extra},
    )
    if run.returncode != 0:
        raise RuntimeError(f"driver for {package} failed: {run.stderr.strip()[-500:]}")
    result: dict[str, str] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def outcome_classes(outcomes: dict[str, str]) -> dict[str, Any]:
    """Outcome counts: "ok", else the exception's type and first 120 characters."""
    from collections import Counter

    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for call_id, outcome in outcomes.items():
        key = outcome if outcome == "ok" else outcome.splitlines()[0][:120]
        counts[key] += 1
        example.setdefault(key, call_id)
    return {k: {"count": n, "example": example[k]} for k, n in counts.most_common()}
