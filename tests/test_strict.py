"""No silent drops: what the generator cannot model is a warning at its file:line:col saying what
was done instead; `--strict` (or `strict = true`) turns any warning into exit code 1, and the
generated README lists the warnings that bear on the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, codegen

from codegen.ir import Diagnostic
from codegen.parser import RouteConfig, parse_spec

BATCHES = Path("resources/messages/batches")


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    dest = tmp_path / "spec"
    shutil.copytree(REPO / "spec", dest)
    return dest


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (once); returns the 1-based line where it was."""
    text = path.read_text()
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new))
    return text[: text.index(old)].count("\n") + 1


def warnings(spec: Path, code: str) -> list[Diagnostic]:
    parsed = parse_spec(spec, RouteConfig())
    return [d for d in parsed.diagnostics if d.code == code and d.severity == "warning"]


def test_a_request_option_not_modelled_is_reported_at_the_call(spec: Path) -> None:
    js = spec / BATCHES.with_suffix(".js")
    line = edit(
        js,
        "`/v1/messages/batches/${messageBatchID}/cancel`, options);",
        "`/v1/messages/batches/${messageBatchID}/cancel`, { maxRetries: 5, ...options });",
    )
    parsed = parse_spec(spec, RouteConfig())
    (found,) = [
        d for d in parsed.diagnostics if d.code == "request-option" and "maxRetries" in d.message
    ]
    assert found.loc.file.endswith("resources/messages/batches.js") and found.loc.line == line


def test_a_union_body_is_a_warning_not_a_method_without_params(spec: Path) -> None:
    dts = spec / BATCHES.with_suffix(".d.ts")
    line = edit(
        dts,
        "create(body: BatchCreateParams, options?: RequestOptions)",
        "create(body: BatchCreateOrList, options?: RequestOptions)",
    )
    dts.write_text(
        dts.read_text() + "\nexport type BatchCreateOrList = BatchCreateParams | string;\n"
    )
    (found,) = warnings(spec, "untyped-params")
    assert found.loc.file.endswith("batches.d.ts") and found.loc.line == line
    assert "has a type alias of no params interface" in found.message
    assert "the method takes none of them" in found.message


def test_a_request_whose_result_is_not_modelled_is_a_warning(spec: Path) -> None:
    dts = spec / BATCHES.with_suffix(".d.ts")
    line = edit(
        dts,
        "cancel(messageBatchID: string, options?: RequestOptions): APIPromise<MessageBatch>;",
        "cancel(messageBatchID: string, options?: RequestOptions): Promise<MessageBatch>;",
    )
    (found,) = warnings(spec, "unmodelled-response")
    assert found.loc.line == line and "Batches.cancel" in found.message
    assert "method skipped" in found.message


def test_strict_exits_1_on_a_warning_and_the_readme_lists_it(project: Path) -> None:
    dts = project / "spec" / BATCHES.with_suffix(".d.ts")
    edit(
        dts,
        "create(body: BatchCreateParams, options?: RequestOptions)",
        "create(body: BatchCreateOrList, options?: RequestOptions)",
    )
    dts.write_text(
        dts.read_text() + "\nexport type BatchCreateOrList = BatchCreateParams | string;\n"
    )
    plain = codegen("generate", "-j", "1", cwd=project)
    assert plain.returncode == 0, plain.stderr
    assert "parameter 'body' has a type alias of no params interface" in plain.stderr
    readme = (project / "generated" / "README.md").read_text()
    assert "## Skipped or approximated" in readme
    assert "- `resources/messages/batches.d.ts:" in readme  # relative: no machine path

    strict = codegen("generate", "--strict", "-q", cwd=project)
    assert strict.returncode == 1
    lines = strict.stderr.strip().splitlines()
    assert any("parameter 'body' has a type alias of no params interface" in line for line in lines)
    assert lines[-1].startswith("codegen: --strict: the spec gave ")

    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace("[tool.codegen]\n", "[tool.codegen]\nstrict = true\n", 1)
    )
    assert codegen("generate", "-q", cwd=project).returncode == 1
    assert codegen("check", "-q", cwd=project).returncode == 1
