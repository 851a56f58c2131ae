"""The two doors by which spec and config text may reach generated files, enforced at render.

Every `{{ ... }}` a template outputs passes `checked_output` (Jinja's `finalize`). It lets
through only:
- `Code`: text the emitter vouches for: a literal from one of the escaping filters (`pystr`,
  `docstring`, `tomlstr`, `mdcode`, `mdtext`), an annotation built from resolved names, or the
  output of a macro or `{% set %}` block (whose own outputs each passed this check);
- numbers (finite), booleans and None;
- a plain string that is *inert*: ASCII names, dots, brackets, commas and spaces, so at most a
  name is looked up; it can never close a string, start a comment, call or assign.
Anything else (a raw spec string holding a quote, a list, a float `inf`) stops the render with
`UnsafeOutput`: a template that forgets its filter fails on the first such value, in tests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

INERT = re.compile(r"[A-Za-z0-9_.\[\], ]*")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Code(str):
    """Generated text the emitter vouches for (escaped, or assembled from checked parts)."""

    __slots__ = ()


class BrokenOutput(Exception):
    """The generator produced a file that is not valid code: a generator bug, reported in one
    line (exit 1) before anything is written."""


class UnsafeOutput(BrokenOutput):
    """A template output a value through neither door: a bug in a template or the emitter."""


def checked_output(value: object) -> object:
    if isinstance(value, Code) or value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        raise UnsafeOutput(f"non-finite number {value!r} output as code")
    if type(value) is str and INERT.fullmatch(value):
        return value
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        return value  # a strict undefined raises its own error when printed
    shown = repr(value)
    shown = shown if len(shown) <= 120 else shown[:117] + "..."
    raise UnsafeOutput(
        f"{type(value).__name__} value {shown} output without an escaping filter "
        "(|pystr, |docstring, |tomlstr, |mdcode, |mdtext) or identifier check"
    )


def code_concat(parts: Iterable[str]) -> Code:
    """What macros, `{% set %}` blocks and whole templates render: every part was checked."""
    return Code("".join(parts))


def is_identifier(name: str) -> bool:
    """An ASCII Python identifier (keywords are the caller's business)."""
    return _IDENTIFIER.fullmatch(name) is not None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\u2028\u2029]")


def docstring_text(text: str, indent: int = 0) -> Code:
    """Spec text safe inside a triple-quoted docstring: it can never close the string, and
    control characters are escapes; continuation lines indented by `indent` spaces."""
    escaped = str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    escaped = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)
    if indent:
        pad = " " * indent
        escaped = "\n".join(
            (pad + line if line and i else line) for i, line in enumerate(escaped.split("\n"))
        )
    return Code(escaped)


def comment_text(text: str) -> Code:
    """Spec text inside a `#` comment: one line."""
    return Code(" ".join(_CONTROL.sub(" ", str(text)).split()))


def toml_string(value: object) -> Code:
    """A TOML basic string (JSON's escapes are TOML's)."""
    import json

    return Code(json.dumps(str(value)))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def markdown_text(value: object) -> Code:
    """Config or spec text as one line of Markdown prose: no markup, no HTML."""
    return Code(_MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split())))


def markdown_code(value: object) -> Code:
    """Text as an inline Markdown code span: a fence longer than any backtick run inside, and
    `|` escaped (it would end a table cell)."""
    text = " ".join(str(value).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return Code(f"{fence}{pad}{text}{pad}{fence}")


_DEFINES = re.compile(r"^\s*(?:async\s+def|def|class)\s+(\w+)|^(\w+)\s*(?::[^=]*)?=", re.M)


def compile_check(path: str, text: str, locations: dict[str, str]) -> None:
    """`compile` the file in memory (syntax, nesting limits, duplicate arguments...); a failure
    names the file and line, and the spec location of the nearest definition above it."""
    try:
        compile(text, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        line = getattr(exc, "lineno", None) or 0
        reason = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        where = f"{path}:{line}" if line else path
        spec = _spec_location(text, line, locations)
        raise BrokenOutput(
            f"generated {where} does not compile ({reason})"
            + (f"; it comes from {spec}" if spec else "")
            + ": a generator bug, nothing was written"
        ) from None


def _spec_location(text: str, line: int, locations: dict[str, str]) -> str | None:
    if not line:
        return None
    above = "\n".join(text.splitlines()[:line])
    for match in reversed(list(_DEFINES.finditer(above))):
        name = match.group(1) or match.group(2)
        if name in locations:
            return locations[name]
    return None
