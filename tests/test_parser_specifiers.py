"""`{ type A as B, C }` clauses of imports and re-exports are read from their text when plainly
written (`plain_specifiers`): that must give exactly what the tree gives, for any clause."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.parser import dts, reexports
from codegen.parser.dts import scan_module
from codegen.parser.source import SourceText, parse_checked

WORDS = ["A", "b_1", "type", "as", "default", "$c", "D$", "é", '"s-t"', "/* c */", "Z"]


def _scan(text: str) -> tuple[object, ...] | str:
    source = SourceText("m.d.ts", "m", text.encode())
    diags = Diagnostics()
    try:
        tree = parse_checked(source, diags)
    except SpecError as exc:
        return f"error {exc}"
    scan = scan_module(source, tree.root_node, diags, {"m", "x"})
    return (scan.imports, scan.exports, scan.star_exports, [d.message for d in diags.items])


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _scan(text)
    with monkeypatch.context() as patch:
        patch.setattr(dts, "plain_specifiers", lambda _clause: None)
        patch.setattr(reexports, "plain_specifiers", lambda _clause: None)
        assert _scan(text) == fast, text


specifier = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
clause = (
    st.lists(specifier, max_size=4)
    .map(", ".join)
    .flatmap(lambda body: st.sampled_from([f"{{ {body} }}", f"{{ {body}, }}", f"{{\n  {body}\n}}"]))
)


@settings(max_examples=150, deadline=None)
@given(clause)
def test_any_clause_reads_as_the_tree_reads_it(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _both(
            f"import {text} from './x';\nexport {text} from './x';\nexport {text};\n", monkeypatch
        )


@pytest.mark.parametrize(
    "text",
    [
        "{ type A as B, C, type D, E as F, }",
        "{ A as default, default as G }",
        "{ type as }",
        "{ type as as as }",
        "{ A /* c */ as B }",
        '{ "a-b" as c }',
        "{ $a, b$ as c }",
        "{}",
    ],
)
def test_written_clauses_read_as_the_tree_reads_them(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(f"import {text} from './x';\nexport {text} from './x';\nexport {text};\n", monkeypatch)


def test_plain_clauses_take_the_text_path_and_others_do_not() -> None:
    assert reexports.plain_specifiers("{ type A as B, C, }") == [("A", "B"), ("C", "C")]
    for text in ("{ A /* c */ }", '{ "a" as b }', "{ type as }", "{ $a }", "{ a b }"):
        assert reexports.plain_specifiers(text) is None, text
