"""A text-only JSDoc comment is cleaned a line at a time (`_plain_text`); it must give exactly
what the two multi-line regex passes it replaced give, for any whitespace (`\\s` and
`str.strip` agree on Unicode spaces; only `\\n` separates lines for both)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from codegen.parser.jsdoc import _LEAD, _body, _plain_text, comment_lines, parse_jsdoc

_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
PIECES = [" ", "\t", "\n", "\r", "\r\n", "*", "* ", "*/", "a", "b ", "\x0b", "\x0c", "\x1c"]
PIECES += ["\x85", "\u2028", "\u00a0", "\u3000", "@", " * x", "```"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_plain_text_matches_the_regex_passes(body: str) -> None:
    assert _plain_text(body) == _TRAILING_SPACE.sub("", _LEAD.sub("", body)).strip("\n")


@given(st.text(max_size=40))
def test_plain_text_matches_on_any_text(body: str) -> None:
    assert _plain_text(body) == _TRAILING_SPACE.sub("", _LEAD.sub("", body)).strip("\n")


_EDGE = st.sampled_from(["", " ", "\t", "\r", "\x0c", "\u3000", "  "])


@given(_EDGE, st.lists(st.sampled_from(PIECES), max_size=12).map("".join), _EDGE, _EDGE)
def test_a_one_line_comment_reads_as_the_general_path_reads_it(
    after_open: str, middle: str, before_close: str, after_close: str
) -> None:
    middle = middle.replace("\n", " ").replace("@", "")
    comment = f"/**{after_open}\n{middle}\n{before_close}*/{after_close}"
    parse_jsdoc.cache_clear()
    assert parse_jsdoc(comment).text == _plain_text(_body(comment))


@given(
    _EDGE,
    st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), min_size=2, max_size=5),
    _EDGE,
    _EDGE,
)
def test_a_many_line_comment_reads_as_the_general_path_reads_it(
    after_open: str, middle: list[str], before_close: str, after_close: str
) -> None:
    body = "\n".join(line.replace("@", "") for line in middle)
    comment = f"/**{after_open}\n{body}\n{before_close}*/{after_close}"
    parse_jsdoc.cache_clear()
    assert parse_jsdoc(comment).text == _plain_text(_body(comment))


def _regex_lines(comment: str) -> list[str]:
    """`comment_lines` as the multi-line regex pass gave it."""
    lines = [line.rstrip() for line in _LEAD.sub("", _body(comment)).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_comment_lines_match_the_regex_pass(body: str) -> None:
    for comment in (f"/**{body}*/", f"/**\n{body}\n */", body):
        assert comment_lines(comment) == _regex_lines(comment)
