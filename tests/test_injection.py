"""Spec text and config values never become code: payloads planted in every spec position and
config key that reaches a template either stay data (the package compiles, imports, builds its
clients and calls every method over real HTTP, and the payload never runs) or are refused with
one line and exit 2 (identifiers, header names, numbers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SPEC, codegen, run_generated_tests

PY = sys.executable


def payloads(marker: Path) -> dict[str, str]:
    """Text that runs `touch marker` if pasted into Python source in the named context."""
    touch = f"str(__import__('pathlib').Path('{marker}').touch())"
    touch_dq = f'str(__import__("pathlib").Path("{marker}").touch())'
    return {
        # closes a "..." string (only double quotes: fits JS '...' and TS '...')
        "dq": f'" + {touch_dq} + "',
        # closes a '...' string (only single quotes: fits TS "..." and JS `...`)
        "sq": f"' + {touch} + '",
        # closes a docstring, then a comment-ending newline and a backslash
        "doc": f"\"\"\" + {touch} + \"\"\" ''' + {touch} + ''' \\ {{{{ x }}}} {{% raw %}}",
    }


def plant(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = root / rel
    text = path.read_text()
    assert text.count(old) >= count, (rel, old)
    path.write_text(text.replace(old, new) if count > 1 else text.replace(old, new, 1))


BATCHES = "resources/messages/batches"


def hostile_spec(root: Path, marker: Path) -> list[str]:
    """A copy of spec/ with payloads in every position that is text; returns the positions."""
    shutil.copytree(SPEC, root)
    p = payloads(marker)
    dq, sq, doc = p["dq"], p["sq"], p["doc"]
    positions = {
        "env var name (base URL, readEnv)": (
            "client.js",
            "readEnv)('ANTHROPIC_BASE_URL')",
            f"readEnv)('B{dq}')",
        ),
        "env var name (API key, readEnv)": (
            "client.js",
            "readEnv)('ANTHROPIC_API_KEY')",
            f"readEnv)('K{dq}')",
        ),
        "env var name (log, readEnv)": (
            "client.js",
            "readEnv)('ANTHROPIC_LOG')",
            f"readEnv)('L{dq}')",
        ),
        "default base URL": (
            "client.js",
            "`https://api.anthropic.com`",
            f"`http://localhost/{dq}{sq}`",
        ),
        "version header value": (
            "client.js",
            "'anthropic-version': '2023-06-01'",
            f"'anthropic-version': '2023{dq}'",
        ),
        "route string (.js)": (
            f"{BATCHES}.js",
            "post('/v1/messages/batches',",
            f"post('/v1/messages/batches{dq}',",
        ),
        "route template (.js path``)": (f"{BATCHES}.js", "/cancel`", f"/cancel{dq}{sq}`"),
        "enum literal ('...')": (f"{BATCHES}.d.ts", "'in_progress' |", f"'in_progress{dq}' |"),
        'enum literal ("...")': (f"{BATCHES}.d.ts", "| 'ended';", f"| 'ended' | \"x{sq}\";"),
        "field name ('...')": (
            f"{BATCHES}.d.ts",
            "export interface MessageBatch {",
            f"export interface MessageBatch {{\n    'f{dq}'?: string;\n    \"g{sq}\"?: string;",
        ),
        "type doc comment": (
            f"{BATCHES}.d.ts",
            "export interface MessageBatch {",
            f"/** {doc} */\nexport interface MessageBatch {{",
        ),
        "field doc comment": (
            f"{BATCHES}.d.ts",
            "export interface MessageBatch {",
            f"export interface MessageBatch {{\n    /** {doc} */\n    documented?: string;",
        ),
        "method doc comment + @example": (
            f"{BATCHES}.d.ts",
            "    retrieve(messageBatchID: string,",
            f"    /**\n     * {doc}\n     * @example\n     * ```ts\n     * const x = 1; // {doc}\n"
            "     * ```\n     */\n    retrieve(messageBatchID: string,",
        ),
        "resource class doc": (
            f"{BATCHES}.d.ts",
            "export declare class Batches",
            f"/** {doc} */\nexport declare class Batches",
        ),
        "class name (None)": (f"{BATCHES}.d.ts", "MessageBatchRequestCounts", "None"),
        "error class name (None, core/error.js)": (
            "core/error.d.ts",
            "class RateLimitError",
            "class None",
        ),
        "error class name (exec, core/error.js)": (
            "core/error.d.ts",
            "class ConflictError",
            "class exec",
        ),
        "error class doc": (
            "core/error.d.ts",
            "export declare class BadRequestError",
            f"/** {doc} */\nexport declare class BadRequestError",
        ),
        "page field name (core/pagination)": (
            "core/pagination.d.ts",
            "    last_id: string | null;\n    constructor",
            f"    last_id: string | null;\n    'p{dq}': string | null;\n    constructor",
        ),
        "page doc comment": (
            "core/pagination.d.ts",
            "export declare class Page<",
            f"/** {doc} */\nexport declare class Page<",
        ),
        "cursor param (pagination.js)": (
            "core/pagination.js",
            "after_id: cursor",
            f"'after_id{dq}': cursor",
        ),
        "cursor query test (pagination.js)": (
            "core/pagination.js",
            "query?.['before_id']",
            f"query?.['before_id{dq}']",
        ),
    }
    for rel, old, new in positions.values():
        plant(root, rel, old, new)
    # the class and error renames must hold in every file that names them
    for rel in ("resources/messages/batches.d.ts", "resources/messages/messages.d.ts"):
        path = root / rel
        path.write_text(path.read_text().replace("MessageBatchRequestCounts", "None"))
    for rel in ("core/error.js",):
        path = root / rel
        text = path.read_text().replace("RateLimitError", "None").replace("ConflictError", "exec")
        path.write_text(text)
    return sorted(positions)


def run_package(out: Path, marker: Path) -> subprocess.CompletedProcess[str]:
    """Import the package, build both clients, then run its own suite (every method over real
    HTTP against 127.0.0.1); the marker must never appear."""
    pkg = next(p.parent.name for p in out.glob("*/_client.py"))
    script = (
        f"import {pkg} as p, {pkg}._client\n"
        "c = p._client.Client(api_key='k', base_url='http://127.0.0.1:9')\n"
        "a = p._client.AsyncClient(api_key='k', base_url='http://127.0.0.1:9')\n"
        "import importlib, pkgutil\n"
        f"for m in pkgutil.walk_packages(p.__path__, '{pkg}.'): importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(out)}
    imported = subprocess.run([PY, "-c", script], capture_output=True, text=True, env=env)
    assert imported.returncode == 0 and imported.stdout.strip() == "ok", imported.stderr[-3000:]
    assert not marker.exists()
    suite = run_generated_tests(out, "tests")
    assert not marker.exists(), "a planted payload ran"
    return suite


def compiles(out: Path) -> int:
    files = sorted(out.rglob("*.py"))
    for path in files:
        compile(path.read_text(), str(path), "exec", dont_inherit=True)
    return len(files)


def test_spec_payloads_stay_data(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    spec = tmp_path / "spec"
    positions = hostile_spec(spec, marker)
    assert len(positions) >= 20
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--no-cache", "--spec", str(spec), "--out", str(out))
    assert run.returncode == 0, run.stderr
    text = "\n".join(p.read_text() for p in out.rglob("*") if p.is_file())
    # every payload reached the output, as data
    assert text.count(str(marker)) >= len(positions) - 4
    assert "class None_(" in text and "class exec(" in text
    assert compiles(out) > 20
    suite = run_package(out, marker)
    # the suite passes, but for the default-URL check (httpx normalises the planted URL)
    failed = {
        line.split()[1]
        for line in suite.stdout.splitlines()
        if line.startswith(("FAILED", "ERROR"))
    }
    assert failed <= {"tests/test_client.py::test_defaults_match_the_official_client"}, (
        suite.stdout[-3000:]
    )
    assert " passed" in suite.stdout


def bare_spec(root: Path) -> Path:
    """spec/ without the client files, so the config's client facts are the ones used."""
    shutil.copytree(SPEC, root, ignore=shutil.ignore_patterns("client.*"))
    return root


def config_with(tmp_path: Path, lines: list[str]) -> Path:
    text = (REPO / "pyproject.toml").read_text()
    head, _, _ = text.partition("[tool.codegen.targets.full]")
    config = tmp_path / "pyproject.toml"
    config.write_text(head + "\n".join(lines) + "\n")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    return config


def toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_config_text_payloads_stay_data(tmp_path: Path) -> None:
    """Each text key either is refused by the config's own checks (one line, exit 2) or reaches
    the output as data; the package built with every accepted payload never runs one."""
    marker = tmp_path / "PWNED"
    p = payloads(marker)
    spec = bare_spec(tmp_path / "spec")
    keys = {
        "api_key_env": "K" + p["dq"],
        "base_url_env": "B" + p["sq"],
        "log_env": "L" + p["doc"],
        "default_base_url": "http://localhost/" + p["dq"] + p["sq"],
        "version": "0.1" + p["dq"] + p["sq"],
        "distribution": "dist" + p["dq"] + p["doc"],
    }
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    out = tmp_path / "out"
    refused: list[str] = []
    while True:
        accepted = {k: v for k, v in keys.items() if k not in refused}
        text = (REPO / "pyproject.toml").read_text().partition("[tool.codegen.targets.full]")[0]
        lines = [line for line in text.splitlines() if line.split(" =")[0] not in accepted]
        head = "\n".join(lines).replace(
            "[tool.codegen]",
            "[tool.codegen]\n" + "".join(f"{k} = {toml(v)}\n" for k, v in accepted.items()),
            1,
        )
        (tmp_path / "pyproject.toml").write_text(head + "\n")
        run = codegen(
            "generate", "-q", "--no-cache", "--spec", str(spec), "--out", str(out), cwd=tmp_path
        )
        if run.returncode == 0:
            break
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
        named = [k for k in accepted if f"] {k}" in run.stderr or f" {k} " in run.stderr]
        assert len(named) == 1 and not out.exists(), run.stderr
        refused.append(named[0])
    assert sorted([*refused, *accepted]) == sorted(keys)
    if not accepted:  # the config's schema refuses every one of these payloads up front
        return
    written = "\n".join(p.read_text() for p in out.rglob("*") if p.is_file())
    for key in accepted:
        assert str(marker) in written, key
    assert compiles(out) > 20
    suite = run_package(out, marker)
    assert " passed" in suite.stdout, suite.stdout[-3000:]


IDENTIFIER_KEYS = {
    "package": '"pkg; import os"',
    "client_class": '"A(B): pass\\nimport os"',
    "async_client_class": "\"X = __import__('os')\"",
    "error_root": '"Exception"',
    "default_timeout": "\"1) or __import__('os').system('x') or (1\"",
    "default_max_retries": '"2 + 0"',
}


@pytest.mark.parametrize("key", sorted(IDENTIFIER_KEYS))
def test_config_names_and_numbers_are_refused(tmp_path: Path, key: str) -> None:
    text = (REPO / "pyproject.toml").read_text()
    head, _, _ = text.partition("[tool.codegen.targets.full]")
    head = "\n".join(line for line in head.splitlines() if not line.startswith(f"{key} ="))
    head = head.replace("[tool.codegen]", f"[tool.codegen]\n{key} = {IDENTIFIER_KEYS[key]}", 1)
    (tmp_path / "pyproject.toml").write_text(head + "\n")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    out = tmp_path / "out"
    run = codegen(
        "generate", "-q", "--no-cache", "--spec", str(SPEC), "--out", str(out), cwd=tmp_path
    )
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (
            '{ name = "Oops(APIStatusError): pass\\nimport os\\nclass X", status = 418 }',
            "identifier",
        ),
        ('{ name = "TeapotError", status = 418, parent = "Nope" }', "not an error class"),
        (
            '{ name = "TeapotError", status = 418, parent = "__import__(\'os\')" }',
            "not an error class|identifier",
        ),
    ],
)
def test_config_error_classes_are_checked(tmp_path: Path, entry: str, why: str) -> None:
    text = (REPO / "pyproject.toml").read_text()
    head, _, _ = text.partition("[tool.codegen.targets.full]")
    head = head.replace("errors = [\n", f"errors = [\n    {entry},\n", 1)
    (tmp_path / "pyproject.toml").write_text(head)
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    out = tmp_path / "out"
    run = codegen(
        "generate", "-q", "--no-cache", "--spec", str(SPEC), "--out", str(out), cwd=tmp_path
    )
    assert run.returncode == 2, (run.returncode, run.stderr)
    # refused by the config's schema or by the emitter, whichever looks first
    assert any(w in run.stderr for w in why.split("|")), run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("client.js", "'X-Api-Key': this.apiKey", "'X-Api-Key\" + str(1) + \"': this.apiKey"),
        (
            "client.js",
            "'anthropic-version': '2023-06-01'",
            "'anthropic\" + x + \"-version': '2023-06-01'",
        ),
    ],
)
def test_header_names_that_are_not_tokens_are_refused(
    tmp_path: Path, rel: str, old: str, new: str
) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    plant(spec, rel, old, new)
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--no-cache", "--spec", str(spec), "--out", str(out))
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "not an HTTP header name" in run.stderr and not out.exists()
