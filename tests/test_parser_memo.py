"""The parser's memo of unions of primitives and literals (`TypeReader`, shared by all of a
spec's files) must give what a fresh read gives: the same types, every file's own
diagnostics, and the nesting cap's error wherever the union sits."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.errors import SpecError
from codegen.ir import Alias, ArrayType, Interface, LiteralType, Primitive, Spec, TypeRef, UnionType
from codegen.parser import parse_spec
from codegen.parser.types import MAX_TYPE_DEPTH

ENUM = UnionType([LiteralType("x"), LiteralType("y"), Primitive("null")])


def parse_files(tmp_path: Path, files: dict[str, str]) -> Spec:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return parse_spec(tmp_path)


def field_type(spec: Spec, decl_id: str, name: str) -> TypeRef:
    decl = spec.declarations[decl_id]
    assert isinstance(decl, Interface)
    return next(f.type for f in decl.fields if f.name == name)


def test_a_union_repeated_across_files_reads_the_same_everywhere(tmp_path: Path) -> None:
    text = "export interface {0} {{\n  a: 'x' | 'y' | null;\n  b: 'x' | 'y' | null;\n}}\n"
    spec = parse_files(tmp_path, {"a.d.ts": text.format("A"), "b.d.ts": text.format("B")})
    for decl_id in ("a#A", "b#B"):
        for name in ("a", "b"):
            assert field_type(spec, decl_id, name) == ENUM


def test_a_union_with_a_diagnostic_reports_it_in_every_file(tmp_path: Path) -> None:
    text = "export interface {0} {{\n  a: 'x' | keyof Q;\n  b: 'x' | keyof Q;\n}}\n"
    spec = parse_files(tmp_path, {"a.d.ts": text.format("A"), "b.d.ts": text.format("B")})
    assert _unsupported_at(spec) == {("a.d.ts", 2), ("a.d.ts", 3), ("b.d.ts", 2), ("b.d.ts", 3)}


def _unsupported_at(spec: Spec) -> set[tuple[str, int]]:
    """(file name, line) of each `unsupported-type` diagnostic."""
    return {
        (d.loc.file.rsplit("/", 1)[-1], d.loc.line)
        for d in spec.diagnostics
        if d.code == "unsupported-type"
    }


def _wrapped(levels: int) -> str:
    return _arrays(levels, "'x' | 'y'")


def test_a_memoised_union_still_hits_the_nesting_cap(tmp_path: Path) -> None:
    """Read shallow first (memoised), then with its members one level past the cap."""
    text = f"export type A = 'x' | 'y';\nexport type Deep = {_wrapped(MAX_TYPE_DEPTH - 1)};\n"
    with pytest.raises(SpecError) as err:
        parse_files(tmp_path, {"a.d.ts": text})
    assert "nested too deep" in err.value.message


def test_a_memoised_union_just_under_the_cap_parses(tmp_path: Path) -> None:
    text = f"export type A = 'x' | 'y';\nexport type Deep = {_wrapped(MAX_TYPE_DEPTH - 2)};\n"
    spec = parse_files(tmp_path, {"a.d.ts": text})
    deep = spec.declarations["a#Deep"]
    assert isinstance(deep, Alias)
    t = deep.type
    for _ in range(MAX_TYPE_DEPTH - 2):
        assert isinstance(t, ArrayType)
        t = t.item
    assert t == UnionType([LiteralType("x"), LiteralType("y")])


# Leaves (`'x'`, `string`) and properties' plain type annotations (`: 'x' | 'y'`) are memoised
# the same way: the same types and diagnostics, the cap where a fresh read would hit it.


def test_a_leaf_with_a_diagnostic_reports_it_in_every_file(tmp_path: Path) -> None:
    text = "export interface {0} {{\n  a: 1n;\n  b: 1n;\n}}\n"
    spec = parse_files(tmp_path, {"a.d.ts": text.format("A"), "b.d.ts": text.format("B")})
    assert _unsupported_at(spec) == {("a.d.ts", 2), ("a.d.ts", 3), ("b.d.ts", 2), ("b.d.ts", 3)}


def _arrays(levels: int, inner: str) -> str:
    return "Array<" * levels + inner + ">" * levels


@pytest.mark.parametrize(("levels", "fails"), [(MAX_TYPE_DEPTH - 1, False), (MAX_TYPE_DEPTH, True)])
def test_a_memoised_leaf_hits_the_nesting_cap_as_a_fresh_read(
    tmp_path: Path, levels: int, fails: bool
) -> None:
    text = f"export type A = 'x';\nexport type Deep = {_arrays(levels, repr('x'))};\n"
    if fails:
        with pytest.raises(SpecError, match="nested too deep"):
            parse_files(tmp_path, {"a.d.ts": text})
        return
    deep = parse_files(tmp_path, {"a.d.ts": text}).declarations["a#Deep"]
    assert isinstance(deep, Alias)
    t = deep.type
    for _ in range(levels):
        assert isinstance(t, ArrayType)
        t = t.item
    assert t == LiteralType("x")


@pytest.mark.parametrize(
    ("levels", "fails"), [(MAX_TYPE_DEPTH - 3, False), (MAX_TYPE_DEPTH - 2, True)]
)
def test_a_memoised_annotation_hits_the_nesting_cap_as_a_fresh_read(
    tmp_path: Path, levels: int, fails: bool
) -> None:
    """`{ a: 'x' | 'y' }` under `levels` arrays: the object, the union and its members are
    three more levels."""
    obj = "{ a: 'x' | 'y' }"
    text = f"export interface A {{ a: 'x' | 'y' }}\nexport type Deep = {_arrays(levels, obj)};\n"
    if fails:
        with pytest.raises(SpecError, match="nested too deep"):
            parse_files(tmp_path, {"a.d.ts": text})
        return
    spec = parse_files(tmp_path, {"a.d.ts": text})
    assert field_type(spec, "a#A", "a") == UnionType([LiteralType("x"), LiteralType("y")])


def test_optional_marks_read_the_same_however_spaced(tmp_path: Path) -> None:
    text = (
        "export interface A {\n  a?: string;\n  b: string;\n  c ?: string;\n"
        "  d /* ? */ : string;\n  e /* x */ ?: string;\n  'f?': string;\n  g?;\n  h;\n}\n"
    )
    decl = parse_files(tmp_path, {"a.d.ts": text}).declarations["a#A"]
    assert isinstance(decl, Interface)
    got = {f.name: f.optional for f in decl.fields}
    assert got == {
        "a": True,
        "b": False,
        "c": True,
        "d": False,
        "e": True,
        "f?": False,
        "g": True,
        "h": False,
    }
