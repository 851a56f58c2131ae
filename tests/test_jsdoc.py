"""JSDoc text: the fast path for tag-free comments equals the line-by-line reading."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from codegen.parser.jsdoc import comment_lines, parse_jsdoc

line = st.text(alphabet=st.sampled_from(list("ab *\t/`'\"\\x1")), max_size=12)


@given(st.lists(line, max_size=6), st.sampled_from(["", " ", "  ", "\t"]))
def test_text_only_comment_fast_path_matches_lines(lines: list[str], indent: str) -> None:
    body = "".join(f"\n{indent}* {text}" for text in lines)
    comment = f"/**{body}\n{indent}*/"
    if "@" in comment or "*/" in body:
        return
    assert parse_jsdoc(comment).text == "\n".join(comment_lines(comment)).strip("\n")


def test_flattened_comment_keeps_its_lines() -> None:
    doc = parse_jsdoc("/** * First line. * * Second paragraph. */")
    assert doc.text == "First line.\n\nSecond paragraph."
