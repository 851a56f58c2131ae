"""Issue 13's house rules, checkable with `wc -l`: no file in codegen/ over 500 lines, no class
over 300. A module that outgrows them is split by what it does, not waived here."""

from __future__ import annotations

import ast
from pathlib import Path

CODEGEN = Path(__file__).resolve().parent.parent / "codegen"
MAX_FILE_LINES = 500
MAX_CLASS_LINES = 300


def _sources() -> list[Path]:
    return sorted(CODEGEN.rglob("*.py"))


def test_no_codegen_file_is_over_500_lines() -> None:
    long = {
        str(p.relative_to(CODEGEN)): n
        for p in _sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert not long, long


def test_no_codegen_class_is_over_300_lines() -> None:
    long: dict[str, int] = {}
    for p in _sources():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    long[f"{p.relative_to(CODEGEN)}:{node.name}"] = size
    assert not long, long
