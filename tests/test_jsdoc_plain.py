"""A text-only JSDoc comment is cleaned a line at a time (`_plain_text`); it must give exactly
what the two multi-line regex passes it replaced give, for any whitespace (`\\s` and
`str.strip` agree on Unicode spaces; only `\\n` separates lines for both)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from codegen.parser.jsdoc import _LEAD, _plain_text

_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)
PIECES = [" ", "\t", "\n", "\r", "\r\n", "*", "* ", "*/", "a", "b ", "\x0b", "\x0c", "\x1c"]
PIECES += ["\x85", "\u2028", "\u00a0", "\u3000", "@", " * x", "```"]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_plain_text_matches_the_regex_passes(body: str) -> None:
    assert _plain_text(body) == _TRAILING_SPACE.sub("", _LEAD.sub("", body)).strip("\n")


@given(st.text(max_size=40))
def test_plain_text_matches_on_any_text(body: str) -> None:
    assert _plain_text(body) == _TRAILING_SPACE.sub("", _LEAD.sub("", body)).strip("\n")
