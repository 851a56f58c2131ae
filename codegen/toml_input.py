"""Reading a TOML input (pyproject config, routes file) with errors as `file:line:col: message`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from codegen.errors import SpecError

# Python < 3.14 gives the position only inside the message: "... (at line 3, column 5)"
_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def load_toml(path: Path, what: str) -> dict[str, Any]:
    """Parse `path`; a missing, unreadable or invalid file is a SpecError naming `what` it is."""
    return load_toml_text(path, what)[1]


def load_toml_text(path: Path, what: str) -> tuple[str, dict[str, Any]]:
    """The text of `path` and its parse (to locate keys in the text), as `load_toml`."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(None, f"{path}: cannot read {what}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SpecError(None, f"{path}: {what} is not UTF-8 text") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _AT.search(message)
        from codegen.ir import Location  # only for this error: the IR is slow to import

        loc = Location(str(path), int(at.group(1)), int(at.group(2))) if at else None
        raise SpecError(loc, f"invalid TOML in {what}: {_AT.sub('', message)}") from None
