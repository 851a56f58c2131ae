"""Checks on the values from the config and the spec's client facts that name things in the
generated code. An identifier must be one (or is refused, exit 2); other text goes out only as
an escaped literal, so these checks are about what the runtime can use, not about escaping."""

from __future__ import annotations

import keyword
import math
import re

from codegen.emit.code import is_identifier
from codegen.errors import SpecError
from codegen.ir import Location

# RFC 9110 `token`: what an HTTP header name may be
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def config_identifier(
    value: object, key: str, section: str, taken: frozenset[str], loc: Location | None = None
) -> str:
    """A config value that becomes a Python name: an ASCII identifier, no keyword, and none of
    the names the generated module already binds."""
    if not isinstance(value, str) or not is_identifier(value) or keyword.iskeyword(value):
        raise SpecError(loc, f"{section} {key} = {value!r}: not a Python identifier")
    if value in taken:
        raise SpecError(
            loc, f"{section} {key} = {value!r}: the generated package already uses that name"
        )
    return value


def env_name(value: str, what: str, loc: Location | None) -> str:
    """An environment variable name: any text `os.environ` accepts (no `=`, no NUL)."""
    if not value or "=" in value or "\0" in value:
        raise SpecError(loc, f"{what} {value!r}: not an environment variable name")
    return value


def header_name(value: str, what: str, loc: Location | None) -> str:
    if not _TOKEN.fullmatch(value):
        raise SpecError(loc, f"{what} {value!r}: not an HTTP header name")
    return value


def header_value(value: str, what: str, loc: Location | None) -> str:
    if any(c in value for c in "\r\n\0"):
        raise SpecError(loc, f"{what} {value!r}: not an HTTP header value")
    return value


def number(
    value: object, what: str, *, integer: bool = False, loc: Location | None = None
) -> int | float:
    """A finite, non-negative number (an int when `integer`); bools are not numbers here."""
    ok = isinstance(value, int) if integer else isinstance(value, (int, float))
    if (
        not ok
        or isinstance(value, bool)
        or not math.isfinite(value)  # type: ignore[arg-type]
        or value < 0  # type: ignore[operator]
    ):
        kind = "a whole number" if integer else "a number"
        raise SpecError(loc, f"{what} = {value!r}: must be {kind} >= 0")
    return value  # type: ignore[return-value]
