"""One test per class of parser traceback the fuzzer found (each crashed, or was silently wrong,
before): odd number literals, `n: const`, deep nesting, long chains, invalid UTF-8, control
characters in messages, links out of the spec folder and unlistable folders."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.fuzz_mutate import nested
from codegen.errors import SpecError
from codegen.ir import Alias, LiteralType, Primitive, Spec, UnionType
from codegen.parser import parse_spec
from codegen.parser.types import MAX_TYPE_DEPTH

NUMBERS = {
    "01": 1,
    "010": 8,
    "08": 8,
    "1.": 1,
    ".5": 0.5,
    "-.5": -0.5,
    "-0x10": -16,
    "0x10": 16,
    "0X1f": 31,
    "1e3": 1000,
    "1E-3": 0.001,
    "1_000": 1000,
    "0b1": 1,
    "0B101": 5,
    "0o7": 7,
    "-0": 0,
    "42": 42,
    "-1.25": -1.25,
}


def parse_text(tmp_path: Path, text: str | bytes, name: str = "a.d.ts") -> Spec:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return parse_spec(tmp_path)


def alias_type(spec: Spec, name: str) -> object:
    decl = spec.declarations[f"a#{name}"]
    assert isinstance(decl, Alias)
    return decl.type


@pytest.mark.parametrize("text", sorted(NUMBERS))
def test_number_literal_types_have_their_javascript_value(tmp_path: Path, text: str) -> None:
    spec = parse_text(tmp_path, f"export type N = {text};\n")
    got = alias_type(spec, "N")
    assert isinstance(got, LiteralType) and got.value == NUMBERS[text]
    assert type(got.value) is type(NUMBERS[text])  # integral values are ints, never strings


@pytest.mark.parametrize("text", ["-1n", "1n", "0x10n", "1e400"])
def test_bigint_and_infinite_literals_are_a_diagnostic(tmp_path: Path, text: str) -> None:
    spec = parse_text(tmp_path, f"export type N = {text};\n")
    assert alias_type(spec, "N") == Primitive("unknown")
    assert any(d.code == "unsupported-type" and text in d.message for d in spec.diagnostics)


def test_keyword_where_a_type_belongs_is_a_diagnostic(tmp_path: Path) -> None:
    spec = parse_text(tmp_path, "export interface A {\n  n: const;\n}\n")
    notes = [d for d in spec.diagnostics if d.code == "unsupported-type"]
    assert notes and notes[0].loc.line == 2 and "const" in notes[0].message


DEEP = ["generic", "array", "union", "tuple", "object", "intersection", "paren", "readonly"]


@pytest.mark.parametrize("depth", [200, 500, 10_000])
@pytest.mark.parametrize("kind", DEEP)
def test_deep_types_end_in_a_located_error(tmp_path: Path, kind: str, depth: int) -> None:
    text = b"export type A = string;\nexport type B = string;\nexport type Deep = "
    with pytest.raises(SpecError) as err:
        parse_text(tmp_path, text + nested(kind, depth) + b";\n")
    assert "nested too deep" in err.value.message
    assert err.value.loc is not None and err.value.loc.line == 3


@pytest.mark.parametrize("kind", ["namespace", "interface-ns"])
def test_deep_namespaces_end_in_a_located_error(tmp_path: Path, kind: str) -> None:
    with pytest.raises(SpecError) as err:
        parse_text(tmp_path, nested(kind, 10_000))
    assert "namespaces nested too deep" in err.value.message and err.value.loc is not None


def test_types_at_the_limit_still_parse(tmp_path: Path) -> None:
    spec = parse_text(
        tmp_path, b"export type Deep = " + nested("generic", MAX_TYPE_DEPTH - 1) + b";"
    )
    assert spec.declarations["a#Deep"]


@pytest.mark.parametrize("kind", ["flat-union", "flat-intersection"])
def test_long_flat_unions_and_intersections_parse(tmp_path: Path, kind: str) -> None:
    spec = parse_text(tmp_path, b"export type Long = " + nested(kind, 10_000) + b";\n")
    got = alias_type(spec, "Long")
    assert len(getattr(got, "members")) == 10_000  # noqa: B009 - union or intersection
    if kind == "flat-union":
        assert isinstance(got, UnionType) and got.members[1] == LiteralType("v1")


@pytest.mark.parametrize("kind", ["alias-chain", "extends-chain", "alias-cycle"])
def test_long_chains_and_cycles_parse_then_are_bounded(tmp_path: Path, kind: str) -> None:
    from codegen.parser.depth import MAX_REACH, check_reach

    spec = parse_text(tmp_path, nested(kind, 1_000))
    if kind == "alias-cycle":
        check_reach(spec.declarations)
        return
    with pytest.raises(SpecError) as err:
        check_reach(spec.declarations)  # what `generate` runs before the emitter's walks
    assert f"more than {MAX_REACH}" in err.value.message and err.value.loc is not None


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    text = b"export type A = string;\n// ok\nexport type \xc3\xa9B\xff = 1;\n"
    with pytest.raises(SpecError) as err:
        parse_text(tmp_path, text)
    assert err.value.loc is not None
    assert (err.value.loc.line, err.value.loc.col) == (3, 15)  # after 'export type éB'
    assert "0xff" in err.value.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_file_says_so(tmp_path: Path, codec: str) -> None:
    with pytest.raises(SpecError, match="UTF-16"):  # without a BOM, before a 25 s/MB parse
        parse_text(tmp_path, "export type A = string;\n".encode(codec))


def test_messages_escape_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.d.ts"
    path.write_bytes(b"export type A = string;\n\x1b[31m\x00 %% \xe2\x80\xae;\n")
    run = subprocess.run(
        [sys.executable, "-m", "codegen", "ir", str(path)], capture_output=True, text=True
    )
    assert run.returncode == 2
    line = run.stderr.strip()
    assert "\\x1b[31m\\x00" in line and "\\u202e" in line
    assert not any(ord(c) < 32 or c == "\u202e" for c in line)


def test_messages_escape_a_tab(tmp_path: Path) -> None:
    """A tab in the quoted snippet is shown as `\\x09` (fuzz input 7586 of seed 0: `ty<TAB>pe`)."""
    with pytest.raises(SpecError) as err:
        parse_text(tmp_path, "export interface A {\n    a: string;\n}\nexport ty\tpe B = A;\n")
    assert "unexpected 'ty\\x09pe B'" in str(err.value)
    assert "\t" not in str(err.value)


@pytest.fixture
def spec_dir(tmp_path: Path) -> Path:
    root = tmp_path / "spec"
    root.mkdir()
    (root / "a.d.ts").write_text("export type A = string;\n")
    return root


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("evil.d.ts", "/etc/passwd"),
        ("up", "/etc"),
        ("a.js", "/etc/passwd"),
        ("x.d.ts", "../x.d.ts"),
    ],
)
def test_links_out_of_the_spec_folder_are_refused(spec_dir: Path, name: str, target: str) -> None:
    (spec_dir.parent / "x.d.ts").write_text("export type X = string;\n")
    (spec_dir / name).symlink_to(target)
    with pytest.raises(SpecError, match="outside the spec folder") as err:
        parse_spec(spec_dir)
    assert name in str(err.value) and "root:" not in str(err.value)


def test_links_inside_the_spec_folder_are_followed_once(spec_dir: Path) -> None:
    (spec_dir / "copy.d.ts").symlink_to("a.d.ts")
    (spec_dir / "loop").symlink_to(".")
    spec = parse_spec(spec_dir)
    assert sorted(f.path for f in spec.files) == ["a.d.ts", "copy.d.ts"]


def test_broken_link_is_an_error(spec_dir: Path) -> None:
    (spec_dir / "gone.d.ts").symlink_to("nowhere.d.ts")
    with pytest.raises(SpecError, match="broken symbolic link"):
        parse_spec(spec_dir)


def test_unreadable_folder_is_an_error(spec_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = spec_dir / "locked"
    locked.mkdir()
    (locked / "b.d.ts").write_text("export type B = string;\n")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:  # what chmod 000 does, even when the tests run as root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(SpecError, match="cannot list folder") as err:
        parse_spec(spec_dir)
    assert str(locked) in str(err.value)
