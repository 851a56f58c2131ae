"""Bad input ends with one `file:line:col: message` line and exit code 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.errors import SpecError
from codegen.parser import parse_spec

CASES = {
    "truncated": ("export interface A {\n  a: string;\n", "2:13", "expected '}'"),
    "comment": ("export interface A {\n  a: string; /* oops\n}\n", "2:14", "unterminated comment"),
    "garbage": ("export interface A {\n  a: string %% b;\n}\n", "2:", "syntax error"),
    "stray-lt": ("export type A = Array<string;\n", "1:", ""),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_file_is_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    text, where, message = CASES[name]
    path = tmp_path / f"{name}.d.ts"
    path.write_text(text)
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "ir", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr
    assert lines[0].startswith(f"{path}:{where}") and message in lines[0]


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "ir", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "no such file" in run.stderr


def test_truncated_real_spec_is_reported_not_crashed(tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "spec" / "resources" / "messages" / "batches.d.ts"
    cut = tmp_path / "batches.d.ts"
    cut.write_text(source.read_text()[:5000])
    with pytest.raises(SpecError) as err:
        parse_spec(cut)
    assert err.value.loc is not None and err.value.loc.file == str(cut)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="{}()<>[];:,.|&'\"`/*= \nabcABC?", max_size=80))
def test_any_text_parses_or_fails_cleanly(
    tmp_path_factory: pytest.TempPathFactory, junk: str
) -> None:
    path = tmp_path_factory.mktemp("junk") / "x.d.ts"
    path.write_text("export interface A { a: string; }\n" + junk)
    try:
        parse_spec(path)
    except SpecError as exc:
        assert exc.loc is not None


@pytest.mark.parametrize(
    ("config", "where"),
    [("[tool.codegen]\nspec = \n", ":2:8: invalid TOML in the codegen config"),
     ("[tool.codegen\n", ":1:14: invalid TOML in the codegen config")],
)
def test_invalid_toml_config_is_one_line_and_exit_2(tmp_path: Path, config: str, where: str) -> None:
    (tmp_path / "pyproject.toml").write_text(config)
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "check"], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and where in lines[0], run.stderr
