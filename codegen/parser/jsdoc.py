"""JSDoc comments to `Doc`: the text, `@deprecated`, and `@example` code blocks.

Works on comments whose newlines were flattened to spaces (the degraded seed): a ` * ` that
follows whitespace starts a new line, as it would have in the original file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from codegen.ir import Doc

_FLATTENED_STAR = re.compile(r"\s+\*(?=\s|$)(?!/)")
_FENCE = re.compile(r"^```\w*\s*$")
# leading whitespace, then an optional `*` and the one space after it
_LEAD = re.compile(r"^[^\S\n]*(?:\* ?)?", re.MULTILINE)
_TAG = re.compile(r"^@(\w+)\s?(.*)$")


def _body(comment: str) -> str:
    """The comment without its markers, with flattened lines (the degraded seed) restored."""
    body = comment.strip()
    if body.startswith("/**"):
        body = body[3:]
    elif body.startswith("/*"):
        body = body[2:]
    if body.endswith("*/"):
        body = body[:-2]
    if "\n" not in body and _FLATTENED_STAR.search(body):
        body = _FLATTENED_STAR.sub("\n*", body)
    return body


def comment_lines(comment: str) -> list[str]:
    """The lines of a `/** ... */` comment without the comment markers and leading `* `: what
    `_LEAD` and `rstrip` leave of each line, blank lines at either end dropped, which is what
    `_plain_text` gives (`test_jsdoc_plain`), a line at a time."""
    text = _plain_text(_body(comment))
    return text.split("\n") if text else []


def _dedent(lines: list[str]) -> list[str]:
    """Strip the common indentation (flattened comments keep the original's relative indent)."""
    widths = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(widths, default=0)
    return [line[cut:] for line in lines]


# The Doc of a declaration or field without a JSDoc comment; shared, like cached ones: read-only.
NO_DOC = Doc()


@lru_cache(maxsize=8192)
def parse_jsdoc(comment: str) -> Doc:
    """Cached: Stainless repeats field docs across resources (half the comments in 1.14.0).

    The `Doc` returned is shared; treat it as read-only.
    """
    text: list[str] = []
    examples: list[str] = []
    deprecated: str | None = None
    tag: str | None = None
    tag_lines: list[str] = []

    def flush() -> None:
        nonlocal deprecated
        if tag == "example":
            code = [line for line in tag_lines if not _FENCE.match(line.strip())]
            examples.append("\n".join(_dedent(code)).strip("\n"))
        elif tag == "deprecated":
            deprecated = " ".join(line.strip() for line in tag_lines).strip()

    if "@" not in comment:  # most comments: text only
        lines = comment.split("\n")
        if len(lines) >= 3 and lines[0].rstrip() == "/**" and lines[-1].strip() == "*/":
            # (nearly all: the lines between a `/**` line and a `*/` line, as `_body` would
            # leave them; half have one)
            return Doc(text=_plain_lines(lines[1:-1]))
        return Doc(text=_plain_text(_body(comment)))
    for line in comment_lines(comment):
        stripped = line.strip()  # (only a line starting with '@' can be a tag: no match tried)
        match = _TAG.match(stripped) if stripped[:1] == "@" else None
        if match and not (tag == "example" and _in_open_fence(tag_lines)):
            flush()
            tag, tag_lines = match.group(1), [match.group(2)] if match.group(2) else []
            continue
        if tag is None:
            text.append(line)
        else:
            tag_lines.append(line)
    flush()
    return Doc(text="\n".join(text).strip("\n"), deprecated=deprecated, examples=examples)


def _plain_text(body: str) -> str:
    """`_LEAD` and trailing whitespace removed from each line, blank lines at either end
    dropped: what `_LEAD` and trailing `[^\\S\\n]+$` (multi-line) give, a line at a time, faster."""
    return _plain_lines(body.split("\n"))


def _plain_lines(raw: list[str]) -> str:
    """`_plain_text` of the text of these lines."""
    lines = [line.lstrip() for line in raw]  # (`[^\S\n]`: no newline in a line)
    return "\n".join(
        [
            (line[2:] if line[1:2] == " " else line[1:]).rstrip()
            if line[:1] == "*"
            else line.rstrip()
            for line in lines
        ]
    ).strip("\n")  # (comprehensions, not a loop of appends: a third faster)


def _in_open_fence(lines: list[str]) -> bool:
    return sum(1 for line in lines if _FENCE.match(line.strip())) % 2 == 1
