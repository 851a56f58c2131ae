"""A union of string literals on one line (`'a' | 'b'`, most enum-like unions) is read from its
text (`type_nodes.literal_union`): every declaration, type and diagnostic must be what the
node-by-node read gives, wherever the union sits and however its literals are written."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.parser import types
from codegen.parser.dts import scan_module
from codegen.parser.source import SourceText, parse_checked
from codegen.parser.type_nodes import literal_union
from codegen.parser.types import MAX_TYPE_DEPTH, PLAIN_LEAVES, PLAIN_UNIONS


def _read(text: str) -> tuple[Any, ...]:
    """Declarations and diagnostics of one file, or the error it raises, from a cold memo."""
    PLAIN_LEAVES.clear()
    PLAIN_UNIONS.clear()
    source = SourceText("m.d.ts", "m", text.encode())
    diags = Diagnostics()
    try:
        scan = scan_module(source, parse_checked(source, diags).root_node, diags, {"m"})
    except SpecError as exc:
        return ("error", str(exc.loc), exc.message)
    return (list(scan.declarations), list(diags.items))


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[Any, ...], int]:
    """(the text reading's result, how many unions it read from text), after checking that the
    node reading gives the same."""
    fast: list[bytes] = []

    def counted(text: bytes, memo: dict[bytes, Any]) -> Any:
        found = literal_union(text, memo)
        if found is not None:
            fast.append(text)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(types, "literal_union", counted)
        from_text = _read(text)
    with monkeypatch.context() as patch:
        patch.setattr(types, "literal_union", lambda _text, _memo: None)
        from_nodes = _read(text)
    assert from_text == from_nodes
    return from_text, len(fast)


# literal spellings: plain, either quote, the other quote inside, escapes, a separator or a
# comment marker inside, non-ASCII, empty; and members that are not string literals
_MEMBER = st.sampled_from(
    [
        "'a'",
        '"b"',
        "'it\"s'",
        '"it\'s"',
        "'a\\'b'",
        "'a\\nb'",
        "'\\\\'",
        "'x | y'",
        "'/* c */'",
        "'é'",
        "''",
        "'\t'",
        "'a' /* c */",
        "null",
        "undefined",
        "string",
        "42",
        "true",
        "Foo.Bar",
        "string & {}",
    ]
)
_SEPARATOR = st.sampled_from([" | ", " | ", " | ", "|", "  | ", "\n    | ", " /* c */ | "])


@st.composite
def _unions(draw: st.DrawFn) -> str:
    members = draw(st.lists(_MEMBER, min_size=2, max_size=6))
    text = members[0]
    for member in members[1:]:
        text += draw(_SEPARATOR) + member
    return text


@settings(max_examples=200, deadline=None)
@given(union=_unions(), other=_unions())
def test_the_text_read_gives_what_the_node_read_gives(union: str, other: str) -> None:
    text = (
        f"export type A = {union};\n"
        f"export interface B {{\n  a: {union};\n  b?: Array<{other}>;\n  c: {{ d: {other} }};\n}}\n"
        f"export type C = {other} | {union};\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        _both(text, patch)


def test_the_common_shapes_are_read_from_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "export type A = 'x' | 'y';\n"
        "export interface B {\n  a: 'x' | \"y\" | 'é | z';\n  b?: Array<'p' | 'q'>;\n}\n"
        "export type C = 'x' | 'a\\'b';\n"  # (an escape: read node by node)
        "export type D =\n  | 'x'\n  | 'y';\n"  # (over lines: the same)
    )
    (declarations, _diags), fast = _both(text, monkeypatch)
    assert fast == 3
    b = next(d for d in declarations if d.name == "B")
    assert [m.value for m in b.fields[0].type.members] == ["x", "y", "é | z"]


@pytest.mark.parametrize("levels", [MAX_TYPE_DEPTH - 2, MAX_TYPE_DEPTH - 1, MAX_TYPE_DEPTH])
def test_the_nesting_cap_applies_as_to_the_node_read(
    monkeypatch: pytest.MonkeyPatch, levels: int
) -> None:
    union = "Array<" * levels + "'x' | 'y'" + ">" * levels
    result, _fast = _both(f"export type Deep = {union};\n", monkeypatch)
    assert (result[0] == "error") == (levels >= MAX_TYPE_DEPTH - 1)
