"""Literal values as TypeScript reads them: numbers (`0x10`, `1_000`, legacy octal) and string
literals with their escapes, also as property names."""

from __future__ import annotations

import json
import math
import re

from tree_sitter import Node

from codegen.parser.source import SourceText

_LEGACY_OCTAL = re.compile(r"0[0-7]+")
_DECIMAL = re.compile(r"[0-9]+")


def number_value(text: str) -> int | float | None:
    """A TypeScript numeric literal's value as JavaScript reads it (`0x10`, `1_000`, `1e3`,
    `.5`, `1.`, legacy octal `010`); integral values are ints. None: not a finite number."""
    digits = text.replace("_", "")
    try:
        if digits[:2].lower() in ("0x", "0o", "0b"):
            return int(digits, 0)
        if _LEGACY_OCTAL.fullmatch(digits):
            return int(digits, 8)
        if _DECIMAL.fullmatch(digits):
            return int(digits)
        value = float(digits)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() else value


def string_value(source: SourceText, node: Node | None) -> str:
    """The value of a string literal node, with escapes decoded."""
    if node is None:
        return ""
    raw = source.text(node)
    quote = raw[0] if raw else '"'
    inner = raw[1:-1] if len(raw) >= 2 else ""
    if "\\" not in inner:
        return inner
    if quote == "'":
        inner = inner.replace('\\"', '"').replace('"', '\\"').replace("\\'", "'")
    try:
        value = json.loads(f'"{inner}"')
    except ValueError:
        return inner
    return str(value)


def property_name(source: SourceText, node: Node) -> str:
    if node.type == "string":
        return string_value(source, node)
    return source.text(node)
