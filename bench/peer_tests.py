"""The official test suite, taken from the pinned `anthropic` sdist and renamed to our package.

`fetch_sdist` downloads the sdist with pip (skipped when the cached file has the pinned sha256;
a mismatch is an error). `prepare` copies its `tests/` into a work folder with only the package
renamed: every `anthropic` name token in the test files (`test_*.py`); in the helper modules
(`utils.py`, `conftest.py`, `__init__.py`, ... everything else under `tests/`) every one except
`from anthropic._private import ...` of names the official package does not also export at its
top level: those private helpers (`_utils.is_dict`, `_compat.PYDANTIC_V1`, ...) stay the
official package's, while a public thing reached through a private module (`_models.BaseModel`,
`_response.APIResponse`) comes from ours, as `from ours import BaseModel`, on the same lines.
`run_pytest` runs a selection there in a given interpreter against the mock server, each test
tagged on the server by a small plugin; `read_junit` counts outcomes per test file.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tokenize
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SDIST_NAME = "anthropic"
SDIST_VERSION = "2.14.0"
SDIST_SHA256 = "afb02f4df8efba429ff769bbfd71340d8b244b41ba42c073a45cc307702549fe"

# the official pyproject's [tool.pytest.ini_options], less xdist (`-n auto`)
PYTEST_INI = """[pytest]
testpaths = tests
pythonpath = .
xfail_strict = true
asyncio_mode = auto
asyncio_default_fixture_loop_scope = session
filterwarnings =
    error
"""

TAG_PLUGIN = '''"""Posts each test's node id to the peer mock before it runs (the request log's tag)."""
import os
import urllib.request

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    data = (os.environ["PEER_RUN"] + "::" + item.nodeid).encode()
    urllib.request.urlopen(urllib.request.Request(os.environ["PEER_TAG_URL"], data=data)).read()
'''


class PeerError(Exception):
    """A step of the peer suite could not be done; the message says which and why."""


def fetch_sdist(cache: Path) -> Path:
    """The pinned sdist in `cache`, downloaded by pip if absent; its sha256 is always checked."""
    target = cache / f"{SDIST_NAME}-{SDIST_VERSION}.tar.gz"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        run = subprocess.run(
            ["python3", "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
             f"{SDIST_NAME}=={SDIST_VERSION}", "-d", str(cache)],
            capture_output=True, text=True,
        )
        if run.returncode != 0 or not target.exists():
            tail = (run.stderr.strip().splitlines() or ["no output"])[-1]
            raise PeerError(f"pip download {SDIST_NAME}=={SDIST_VERSION} failed: {tail}")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise PeerError(f"{target}: sha256 {digest} is not the pinned {SDIST_SHA256}")
    return target


def extract_tests(sdist: Path, dest: Path) -> Path:
    """`tests/` of the sdist (regular files only, no absolute or `..` paths) under `dest`."""
    prefix = f"{SDIST_NAME}-{SDIST_VERSION}/tests/"
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            name = member.name
            if not name.startswith(prefix) or not member.isfile():
                continue
            rel = Path(name[len(prefix):])
            if rel.is_absolute() or ".." in rel.parts:
                raise PeerError(f"{sdist}: unsafe path {name}")
            out = dest / "tests" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            handle = tar.extractfile(member)
            assert handle is not None
            out.write_bytes(handle.read())
    return dest / "tests"


def rename_source(text: str, package: str, keep_private: bool) -> str:
    """Every NAME token `anthropic` becomes `package`; with `keep_private`, not where it is
    followed by `._something` (the official package's private helpers)."""
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    spots: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME or tok.string != SDIST_NAME:
            continue
        nxt = tokens[i + 1 : i + 3]
        private = (
            len(nxt) == 2 and nxt[0].string == "." and nxt[1].string.startswith("_")
        )
        if keep_private and private:
            continue
        spots.append(tok.start)
    lines = text.splitlines(keepends=True)
    for row, col in sorted(spots, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + package + line[col + len(SDIST_NAME):]
    return "".join(lines)


def public_names(sdist: Path) -> set[str]:
    """The names the official package binds at its top level (its `__init__.py` in the sdist),
    less the underscored ones: what a user reaches as `anthropic.X`."""
    init = f"{SDIST_NAME}-{SDIST_VERSION}/src/{SDIST_NAME}/__init__.py"
    with tarfile.open(sdist) as tar:
        handle = tar.extractfile(init)
        if handle is None:
            raise PeerError(f"{sdist}: no {init}")
        tree = ast.parse(handle.read().decode())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ImportFrom, ast.Import)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return {n for n in names if n.isidentifier() and not n.startswith("_")}


def reroute_public(text: str, package: str, public: set[str]) -> str:
    """In a helper module (already renamed with keep_private), `from anthropic._m import a, b`
    keeps only the official-private names; the public ones are imported from `package`'s top
    level instead. The statement keeps its lines (padded), so line numbers stay the sdist's."""
    lines = text.splitlines(keepends=True)
    for node in sorted(ast.walk(ast.parse(text)), key=lambda n: -getattr(n, "lineno", 0)):
        if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                and node.module.startswith(SDIST_NAME + "._") and node.end_lineno):
            continue
        moved = [a for a in node.names if a.name in public]
        if not moved:
            continue
        kept = [a for a in node.names if a.name not in public]
        indent = " " * node.col_offset

        def names(aliases: list[ast.alias]) -> str:
            return ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in aliases)

        new = [f"{indent}from {package} import {names(moved)}\n"]
        if kept:
            new.append(f"{indent}from {node.module} import {names(kept)}\n")
        span = node.end_lineno - node.lineno + 1
        new += ["\n"] * (span - len(new))
        if len(new) > span:  # one-line statement split in two: join them on that line
            new = [f"{indent}from {package} import {names(moved)}; "
                   f"from {node.module} import {names(kept)}\n"]
        lines[node.lineno - 1 : node.end_lineno] = new
    return "".join(lines)


def prepare(sdist: Path, work: Path, package: str) -> Path:
    """A fresh folder with the sdist's tests (renamed unless `package` is the official one),
    the pytest settings and the tagging plugin."""
    if work.exists():
        shutil.rmtree(work)
    tests = extract_tests(sdist, work)
    if package != SDIST_NAME:
        public = public_names(sdist)
        for path in sorted(tests.rglob("*.py")):
            text = path.read_text()
            if path.name.startswith("test_"):
                path.write_text(rename_source(text, package, keep_private=False))
            else:
                text = rename_source(text, package, keep_private=True)
                path.write_text(reroute_public(text, package, public))
    (work / "pytest.ini").write_text(PYTEST_INI)
    (work / "peer_tag_plugin.py").write_text(TAG_PLUGIN)
    return work


@dataclass
class SuiteRun:
    label: str
    returncode: int
    seconds: float
    counts: Counter[str] = field(default_factory=Counter)
    per_file: dict[str, Counter[str]] = field(default_factory=dict)
    reasons: Counter[str] = field(default_factory=Counter)
    reason_examples: dict[str, str] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)
    stderr_tail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label, "returncode": self.returncode, "seconds": round(self.seconds, 1),
            "counts": dict(self.counts), "per_file": {k: dict(v) for k, v in self.per_file.items()},
            "reasons": dict(self.reasons.most_common()), "reason_examples": self.reason_examples,
            "stderr_tail": self.stderr_tail,
        }


def run_pytest(
    python: str, work: Path, label: str, selection: list[str], env_extra: dict[str, str],
    timeout: float,
) -> tuple[int, str, Path]:
    """pytest over `selection` in `work`; returns (exit code, output tail, junit path)."""
    junit = work / f"junit-{label}.xml"
    env = {**os.environ, **env_extra, "PEER_RUN": label}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [python, "-m", "pytest", *selection, "-p", "peer_tag_plugin", "-p", "tests._alias_httpx",
           "-q", "-p", "no:cacheprovider", "--tb=line", "-rN", "--continue-on-collection-errors",
           f"--junitxml={junit}"]
    run = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)
    tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
    return run.returncode, tail, junit


_TEST_PART = re.compile(r"^test_\w*$")


def test_file_of(classname: str, name: str) -> str:
    """`tests.api_resources.x.test_y.TestY` -> `tests/api_resources/x/test_y.py`."""
    parts = (classname or name).split(".")
    for i, part in enumerate(parts):
        if _TEST_PART.match(part):
            return "/".join(parts[: i + 1]) + ".py"
    return "/".join(parts)


def reason_of(message: str) -> str:
    """One failure message reduced to its class: the first line, ids and numbers blanked."""
    line = next((ln.strip() for ln in message.splitlines() if ln.strip()), "(no message)")
    line = re.sub(r"^[^:]*\.py:\d+: ", "", line)
    line = re.sub(r"0x[0-9a-f]+", "0x…", line)
    return line[:220]


def read_junit(run: SuiteRun, junit: Path) -> None:
    """Outcome counts, per file and overall, and the failure reasons, from a junit file."""
    if not junit.exists():
        return
    for case in ET.parse(junit).getroot().iter("testcase"):
        file = test_file_of(case.get("classname", ""), case.get("name", ""))
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed" if child.tag == "failure" else "errors"
                message = (child.get("message") or child.text or "")
            elif child.tag == "skipped":
                outcome, message = "skipped", child.get("message") or ""
        run.counts[outcome] += 1
        run.per_file.setdefault(file, Counter())[outcome] += 1
        node = f"{file}::{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
        run.outcomes[node] = outcome
        if outcome in ("failed", "errors"):
            reason = reason_of(message)
            run.reasons[reason] += 1
            run.reason_examples.setdefault(reason, node)


IMPORT_PROBE = r"""
import importlib, inspect, json, sys
wanted = json.loads(sys.stdin.read())
out = {}
for module, names in wanted.items():
    try:
        mod = importlib.import_module(module)
    except Exception as exc:
        out[module] = {"module": f"{type(exc).__name__}: {exc}"}
        continue
    missing = []
    for n in names:
        if hasattr(mod, n):
            continue
        try:  # `from pkg import submodule` works without the attribute being set yet
            importlib.import_module(f"{module}.{n}")
        except Exception:
            missing.append(n)
    if missing:
        out[module] = {"names": missing}
pkg = importlib.import_module(sys.argv[1])
facts = {}
for cls in ("Anthropic", "AsyncAnthropic"):
    client = getattr(pkg, cls, None)
    params = inspect.signature(client.__init__).parameters if client else {}
    facts[f"{cls}(_strict_response_validation=)"] = "_strict_response_validation" in params
facts["DefaultAioHttpClient"] = hasattr(pkg, "DefaultAioHttpClient")
print(json.dumps({"missing": out, "facts": facts}))
"""


def import_needs(tests: Path, selection: list[str]) -> dict[str, dict[str, set[str]]]:
    """file -> module -> names, for every `from X import a, b` / `import X` in the selected
    test files and in every helper module (any file under tests/ not named `test_*`)."""

    out: dict[str, dict[str, set[str]]] = {}
    for path in sorted(tests.rglob("*.py")):
        rel = str(path.relative_to(tests.parent))
        if path.name.startswith("test_") and not any(
            rel == s or rel.startswith(s.rstrip("/") + "/") for s in selection
        ):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                out.setdefault(rel, {}).setdefault(node.module, set()).update(
                    a.name for a in node.names)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    out.setdefault(rel, {}).setdefault(a.name, set())
    return out


def import_report(
    python: str, tests: Path, package: str, env: dict[str, str], selection: list[str]
) -> dict[str, Any]:
    """Which of the package's modules and names the renamed tests import are missing, with the
    number of test files that need each."""
    needs = import_needs(tests, selection)
    modules: dict[str, set[str]] = {}
    for per_module in needs.values():
        for module, names in per_module.items():
            if module == package or module.startswith(package + "."):
                modules.setdefault(module, set()).update(names)
    run = subprocess.run(
        [python, "-c", IMPORT_PROBE, package], input=json.dumps({k: sorted(v) for k, v in modules.items()}),
        capture_output=True, text=True, env={**os.environ, **env}, cwd=tests.parent,
    )
    if run.returncode != 0:
        raise PeerError(f"import probe failed: {run.stderr.strip()[-300:]}")
    probe = json.loads(run.stdout)
    missing: dict[str, dict[str, Any]] = probe["missing"]
    files_by_gap: Counter[str] = Counter()
    first: dict[str, str] = {}
    per_file: dict[str, list[str]] = {}
    helpers: dict[str, list[str]] = {}
    for file, per_module in needs.items():
        for module, names in per_module.items():
            helper = module.replace(".", "/") + ".py"
            if module.startswith("tests.") and helper in needs:
                helpers.setdefault(file, []).append(helper)
            gap = missing.get(module)
            if gap is None:
                continue
            found = ([f"missing module {module}"] if "module" in gap else
                     [f"missing name {module}.{n}" for n in sorted(names & set(gap["names"]))])
            for g in found:
                files_by_gap[g] += 1
                first.setdefault(file, g)
                per_file.setdefault(file, []).append(g)
    return {
        "per_file": per_file,
        "helpers": helpers,
        "modules_checked": len(modules),
        "files_blocked": len(first),
        "first_blocker": first,
        "files_total": len(needs),
        "client_facts": probe["facts"],
        "gaps": dict(files_by_gap.most_common()),
    }
