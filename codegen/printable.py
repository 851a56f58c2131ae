"""Text from the input made safe to print on one terminal line."""

from __future__ import annotations

import unicodedata

# control, format (bidi overrides, zero-width), surrogate, line and paragraph separator
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """`text` with every character that could move the cursor, recolour the terminal, reorder
    the line or end it (NUL, ESC, CR, U+202E, U+2028, a lone surrogate...) written as a Python
    escape (`\\x1b`, `\\u202e`). A tab too: in a quoted snippet (`unexpected 'ty\\x09pe'`) it would
    pass for spaces."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNSAFE else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )
