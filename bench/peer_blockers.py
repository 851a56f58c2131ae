"""What keeps the official tests from running on ours, ranked by the number of tests it blocks.

Nothing is run but collection and imports. `collect` lists the official tests (pytest
`--collect-only` on the official package) with the fixtures each uses. `import_errors` imports
`tests.conftest` and each renamed test module against ours, one interpreter, and keeps the
error each raises first (what pytest would report). `rank` joins these with the static import
gaps (peer_tests.import_report: every missing module and name each file imports, not only the
first) and the client facts the fixtures need, into `gap -> tests blocked`: a test is blocked by
every gap of its own file, of `tests/conftest.py` (loaded before any test), of `tests/utils.py`
when its file imports it, and by `_strict_response_validation` when it uses a client fixture.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from bench.peer_tests import PeerError

COLLECT_PLUGIN = '''"""Writes each collected test's node id and fixture names to $PEER_COLLECT_JSON."""
import json
import os


def pytest_collection_finish(session):
    with open(os.environ["PEER_COLLECT_JSON"], "w") as out:
        json.dump({item.nodeid: sorted(getattr(item, "fixturenames", ())) for item in session.items}, out)
'''

IMPORT_PROBE = r"""
import importlib, json, sys
sys.path.insert(0, ".")
importlib.import_module("tests._alias_httpx")
out = {}
for module in ["tests.conftest", *json.loads(sys.stdin.read())]:
    try:
        importlib.import_module(module)
    except BaseException as exc:
        out[module] = f"{type(exc).__name__}: {exc}"
print(json.dumps(out))
"""

CLIENT_FIXTURES = {"client": "Anthropic", "async_client": "AsyncAnthropic"}


def collect(python: str, work: Path, selection: list[str], env_extra: dict[str, str],
            timeout: float) -> dict[str, list[str]]:
    """node id -> fixture names, for every test pytest collects from `selection` in `work`."""
    (work / "peer_collect_plugin.py").write_text(COLLECT_PLUGIN)
    out = work / "collected.json"
    env = {**os.environ, **env_extra, "PEER_COLLECT_JSON": str(out)}
    cmd = [python, "-m", "pytest", *selection, "--collect-only", "-q", "-p", "no:cacheprovider",
           "-p", "peer_collect_plugin", "-p", "tests._alias_httpx",
           "--continue-on-collection-errors"]
    run = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)
    if not out.exists():
        tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-5:])
        raise PeerError(f"collection on {python} wrote nothing: {tail}")
    data: dict[str, list[str]] = json.loads(out.read_text())
    return data


def gap_of(error: str, package: str) -> str:
    """An import error's message as a gap: `missing module X`, `missing name X.y`, or as is."""
    m = re.match(r"\w*Error: cannot import name '(\w+)' from '([\w.]+)'", error)
    if m:
        return f"missing name {m.group(2)}.{m.group(1)}"
    m = re.match(r"ModuleNotFoundError: No module named '([\w.]+)'", error)
    if m and m.group(1).split(".")[0] == package:
        return f"missing module {m.group(1)}"
    return error.splitlines()[0][:200] if error else "(no message)"


def import_errors(python: str, work: Path, files: list[str], env_extra: dict[str, str],
                  package: str) -> dict[str, str]:
    """test file (or tests/conftest.py) -> the gap its import against ours hits first."""
    modules = {f[:-3].replace("/", "."): f for f in files}
    run = subprocess.run([python, "-c", IMPORT_PROBE], input=json.dumps(sorted(modules)),
                         capture_output=True, text=True, cwd=work,
                         env={**os.environ, **env_extra})
    if run.returncode != 0:
        raise PeerError(f"import probe failed: {run.stderr.strip()[-300:]}")
    raw: dict[str, str] = json.loads(run.stdout)
    modules["tests.conftest"] = "tests/conftest.py"
    return {modules[m]: gap_of(e, package) for m, e in raw.items()}


def rank(collected: dict[str, list[str]], per_file: dict[str, list[str]],
         helpers: dict[str, list[str]], facts: dict[str, bool], first: dict[str, str],
         ) -> dict[str, Any]:
    """gap -> tests blocked (ranked), the cumulative tests freed when the gaps are fixed in
    that order, and the error each test file's own import hits first (past conftest), weighted
    by its tests. `per_file`: every gap of each file's own imports; `helpers`: the helper
    modules (files) each file imports; `first`: the error each file's import raised, which
    counts as a gap too (an attribute read at import time is no import statement)."""
    common = set(per_file.get("tests/conftest.py", ()))
    blocked: Counter[str] = Counter()
    files: dict[str, set[str]] = {}
    per_test: list[set[str]] = []
    first_tests: Counter[str] = Counter()
    for node, fixtures in collected.items():
        file = node.split("::", 1)[0]
        gaps = common | set(per_file.get(file, ())) | ({first[file]} if file in first else set())
        for helper in helpers.get(file, ()):
            gaps |= set(per_file.get(helper, ()))
        for fixture, cls in CLIENT_FIXTURES.items():
            if fixture in fixtures and not facts.get(f"{cls}(_strict_response_validation=)"):
                gaps.add(f"{cls}(_strict_response_validation=) not accepted (fixture {fixture})")
        for gap in gaps:
            blocked[gap] += 1
            files.setdefault(gap, set()).add(file)
        per_test.append(gaps)
        first_tests[first.get(file, "(imports resolve)")] += 1
    ranked: list[dict[str, Any]] = [
        {"gap": g, "tests": n, "files": len(files[g])}
        for g, n in sorted(blocked.items(), key=lambda kv: (-kv[1], kv[0]))]
    fixed: set[str] = set()
    for row in ranked:
        fixed.add(row["gap"])
        row["freed_if_fixed_so_far"] = sum(1 for gaps in per_test if gaps <= fixed)
    return {"tests": len(collected), "unblocked": sum(1 for g in per_test if not g),
            "ranked": ranked, "first_error_tests": dict(first_tests.most_common())}
