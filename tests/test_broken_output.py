"""Output that would not compile or import is a generator bug: names from the spec go through the
naming resolver (renamed with a warning, or a clean error), and every generated .py file is
compiled in memory before anything is written (exit 1, one line, nothing written)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SPEC, codegen, run_generated_tests

PY = sys.executable
BATCHES = "resources/messages/batches"


def mutated(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A copy of spec/ with each (file, old, new) replaced everywhere in that file."""
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    for rel, old, new in edits:
        path = spec / rel
        text = path.read_text()
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new))
    return spec


def generate(
    tmp_path: Path, spec: Path, *extra: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "out"
    return codegen("generate", "--no-cache", "--spec", str(spec), "--out", str(out), *extra), out


def test_page_fields_that_are_not_python_names(tmp_path: Path) -> None:
    spec = mutated(
        tmp_path,
        ("core/pagination.d.ts", "first_id: string | null;", "'first-id': string | null;"),
        (
            "core/pagination.d.ts",
            "last_id: string | null;",
            "last_id: string | null;\n    None: string | null;\n    def: string | null;\n"
            "    model_config: string | null;",
        ),
        ("core/pagination.js", "this.first_id", "this['first-id']"),
        ("core/pagination.js", "body.first_id", "body['first-id']"),
    )
    run, out = generate(tmp_path, spec)
    assert run.returncode == 0, run.stderr
    pagination = (out / "anthropic_batches" / "pagination.py").read_text()
    for line in (
        'first_id: str | None = Field(default=None, alias="first-id")',
        'None_: str | None = Field(default=None, alias="None")',
        'def_: str | None = Field(default=None, alias="def")',
        'model_config_: str | None = Field(default=None, alias="model_config")',
    ):
        assert line in pagination
    tests = run_generated_tests(out, "tests/test_client.py", "-k", "page")
    assert tests.returncode == 0 and " passed" in tests.stdout, tests.stdout[-3000:]


def test_error_class_named_none(tmp_path: Path) -> None:
    spec = mutated(
        tmp_path,
        ("core/error.d.ts", "RateLimitError", "None"),
        ("core/error.js", "RateLimitError", "None"),
    )
    run, out = generate(tmp_path, spec)
    assert run.returncode == 0, run.stderr
    assert "core/error.d.ts:" in run.stderr and "error class 'None' is named 'None_'" in run.stderr
    check = subprocess.run(
        [
            PY,
            "-c",
            "import httpx\n"
            "from anthropic_batches import None_\n"
            "from anthropic_batches._exceptions import make_status_error\n"
            "r = httpx.Response(429, request=httpx.Request('GET', 'http://x'))\n"
            "assert type(make_status_error('m', body=None, response=r)) is None_\n",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(out)},
    )
    assert check.returncode == 0, check.stderr


def test_two_path_params_with_one_python_name(tmp_path: Path) -> None:
    spec = mutated(
        tmp_path,
        (
            f"{BATCHES}.d.ts",
            "cancel(messageBatchID: string,",
            "cancel(messageBatchID: string, message_batch_id: string,",
        ),
        (
            f"{BATCHES}.js",
            "cancel(messageBatchID, options)",
            "cancel(messageBatchID, message_batch_id, options)",
        ),
        (
            f"{BATCHES}.js",
            "${messageBatchID}/cancel`",
            "${messageBatchID}/x/${message_batch_id}/cancel`",
        ),
    )
    run, out = generate(tmp_path, spec)
    assert run.returncode == 0, run.stderr
    assert "a second param named 'message_batch_id' is named 'message_batch_id_2'" in run.stderr
    tests = run_generated_tests(out, "tests/test_messages_batches.py", "-k", "cancel")
    assert tests.returncode == 0 and " passed" in tests.stdout, tests.stdout[-3000:]
    generated = (out / "tests" / "test_messages_batches.py").read_text()
    assert "/message_batch_id_value/x/message_batch_id_2_value/cancel" in generated


def test_methods_whose_python_names_clash(tmp_path: Path) -> None:
    edits = []
    for name in ("fooBar", "foo_bar", "FooBar"):
        edits.append(
            (
                f"{BATCHES}.d.ts",
                "    retrieve(messageBatchID: string,",
                f"    {name}(messageBatchID: string, options?: RequestOptions): "
                "APIPromise<MessageBatch>;\n    retrieve(messageBatchID: string,",
            )
        )
        edits.append(
            (
                f"{BATCHES}.js",
                "    retrieve(messageBatchID, options) {",
                f"    {name}(messageBatchID, options) {{\n        return this._client.get("
                f"(0, path_1.path) `/v1/messages/batches/${{messageBatchID}}/{name}`, options);\n"
                "    }\n    retrieve(messageBatchID, options) {",
            )
        )
    spec = mutated(tmp_path, *edits)
    run, out = generate(tmp_path, spec)
    assert run.returncode == 0, run.stderr
    assert run.stderr.count("[name-clash]") == 2 and "named 'foo_bar_3'" in run.stderr
    tests = run_generated_tests(out, "tests/test_messages_batches.py", "-k", "foo_bar")
    assert tests.returncode == 0 and " passed" in tests.stdout, tests.stdout[-3000:]
    generated = (out / "tests" / "test_messages_batches.py").read_text()
    for name in ("fooBar", "foo_bar", "FooBar"):
        assert f"/v1/messages/batches/message_batch_id_value/{name}" in generated


def test_generics_nested_past_the_parser_limit(tmp_path: Path) -> None:
    deep = "Array<" * 210 + "string" + ">" * 210
    spec = mutated(
        tmp_path,
        (
            f"{BATCHES}.d.ts",
            "export interface MessageBatch {",
            f"export interface MessageBatch {{\n    deep?: {deep};",
        ),
    )
    run, out = generate(tmp_path, spec)
    assert run.returncode == 2 and not out.exists()
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{BATCHES}.d.ts:" in lines[0] and "nested" in lines[0]


def test_braces_in_a_js_route(tmp_path: Path) -> None:
    spec = mutated(
        tmp_path, (f"{BATCHES}.js", "${messageBatchID}/cancel`", "${messageBatchID}/{cancel}`")
    )
    run, out = generate(tmp_path, spec)
    assert run.returncode == 0, run.stderr
    tests = run_generated_tests(out, "tests/test_messages_batches.py", "-k", "cancel")
    assert tests.returncode == 0 and " passed" in tests.stdout, tests.stdout[-3000:]
    assert (
        "/message_batch_id_value/%7Bcancel%7D"
        in (out / "tests" / "test_messages_batches.py").read_text()
    )


def test_configured_errors_in_a_cycle(tmp_path: Path) -> None:
    text = (REPO / "pyproject.toml").read_text().partition("[tool.codegen.targets.full]")[0]
    text = text.replace(
        "errors = [\n",
        'errors = [\n    { name = "AError", status = 418, parent = "BError" },\n'
        '    { name = "BError", status = 419, parent = "AError" },\n',
        1,
    )
    (tmp_path / "pyproject.toml").write_text(text)
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    run = codegen("generate", "--no-cache", "--spec", str(SPEC), "--out", "out", cwd=tmp_path)
    assert run.returncode == 2 and "form a cycle" in run.stderr and not (tmp_path / "out").exists()


def broken_templates(tmp_path: Path, old: str, new: str) -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    path = templates / "package" / "_client.py.j2"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return templates


def test_output_that_does_not_compile_is_never_written(tmp_path: Path) -> None:
    templates = broken_templates(
        tmp_path,
        "def _credentials_given(**credentials: str | None)",
        "def _credentials_given(x: str, x: str, **credentials: str | None)",
    )
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    run = codegen("generate", "--no-cache", "--templates", str(templates), "--out", str(out))
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr
    assert "anthropic_batches/_client.py:" in lines[0] and "duplicate argument 'x'" in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_a_template_that_forgets_its_filter_fails_the_render(tmp_path: Path) -> None:
    templates = broken_templates(
        tmp_path,
        "return os.environ.get({{ client.base_url_env | pystr }})",
        'return os.environ.get("{{ client.default_base_url }}")',
    )
    out = tmp_path / "out"
    run = codegen("generate", "--no-cache", "--templates", str(templates), "--out", str(out))
    assert run.returncode == 1 and not out.exists()
    lines = run.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and "_client.py.j2:" in lines[0]
        and "without an escaping filter" in lines[0]
    )
