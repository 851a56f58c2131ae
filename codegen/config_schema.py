"""The schema of `[tool.codegen]` and its targets, written once: each key's type and value rule.

A wrong-typed value used to end in a traceback deep in the pipeline, or worse, quietly do
something else (a string where a list is expected is iterated per character). Here each key is
checked before anything else runs, and the first problem is reported with the path of the
offending key, array item or error-table field, so the caller can point at its line.
"""

from __future__ import annotations

import difflib
import json
import keyword
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from codegen.npm_names import npm_name_problem, npm_version_problem

Rule = Callable[[Any], str | None]  # why the (well-typed) value is wrong, or None


@dataclass(frozen=True)
class Problem:
    """`path` is relative to the section: (key,), (key, item), (key, item, field)."""

    path: tuple[str | int, ...]
    message: str
    at_key: bool = False  # point at the key (an unknown key), not at its value

    def where(self) -> str:
        """`errors[1].status`; for an unknown key, the table it is in (`errors[1]`, or '')."""
        text = ""
        for part in self.path[:-1] if self.at_key else self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text


def show(value: Any) -> str:
    """A value as TOML-ish text for a message: quoted, escaped (no raw control characters),
    cut to a readable length."""
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _pattern(regex: str, what: str) -> Rule:
    compiled = re.compile(regex, re.ASCII)
    return lambda value: None if compiled.fullmatch(value) else f"{show(value)} is not {what}"


_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_is_ident = _pattern(_IDENT, "a Python identifier")


def identifier(value: str) -> str | None:
    if keyword.iskeyword(value):
        return f"{show(value)} is a Python keyword"
    return _is_ident(value)


def package_name(value: str) -> str | None:
    """An importable top-level package: one identifier, not a keyword (no dots: it is a folder)."""
    if keyword.iskeyword(value):
        return f"{show(value)} is a Python keyword, not a package name"
    return _pattern(_IDENT, "a Python package name (letters, digits, `_`)")(value)


env_name = _pattern(_IDENT, "an environment variable name ([A-Za-z_][A-Za-z0-9_]*)")
# PEP 508 names; PEP 440 canonical public versions, with an optional local part
distribution = _pattern(
    r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?", "a distribution name (PEP 508)"
)
_N = r"(?:0|[1-9][0-9]*)"
pep440_version = _pattern(
    rf"(?:[1-9][0-9]*!)?{_N}(?:\.{_N})*(?:(?:a|b|rc){_N})?(?:\.post{_N})?(?:\.dev{_N})?"
    r"(?:\+[a-z0-9]+(?:\.[a-z0-9]+)*)?",
    "a PEP 440 version such as 0.1.0 or 1.0.0rc1",
)
header_name = _pattern(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", "an HTTP header name (a token)")
route_prefix = _pattern(
    r"(?:/(?!\.\.?(?:/|$))[A-Za-z0-9._~-]+)*", "a URL path prefix such as /v1 (or empty)"
)
sha256 = _pattern(r"[0-9a-fA-F]{64}", "a sha256 (64 hex digits)")
resource_path = _pattern(
    r"\*|[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*",
    "a resource path such as messages.batches (or *)",
)


def non_empty(value: str) -> str | None:
    return None if value else "an empty string"


def path_text(value: str) -> str | None:
    return "an empty path" if not value else ("a path with a NUL byte" if "\0" in value else None)


def http_url(value: str) -> str | None:
    bad = f"{show(value)} is not an http(s) URL with a host"
    if not value.isascii() or not value.isprintable() or any(c in value for c in " \"'\\<>`"):
        return bad
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        return bad
    return None if parts.scheme in ("http", "https") and parts.hostname else bad


def npm_name(value: str) -> str | None:
    problem = npm_name_problem(value)
    return None if problem is None else f"{show(value)} is not an npm package name: {problem}"


def npm_version(value: str) -> str | None:
    problem = npm_version_problem(value)
    return None if problem is None else f"{show(value)}: {problem}"


def positive(value: float) -> str | None:
    return None if math.isfinite(value) and value > 0 else f"{show(value)} is not > 0"


def at_least_zero(value: int) -> str | None:
    return None if value >= 0 else f"{value} is not >= 0"


def http_status(value: int) -> str | None:
    return None if 100 <= value <= 599 else f"{value} is not an HTTP status (100..599)"


@dataclass(frozen=True)
class Key:
    """kind: str, path, int, float, bool, list[str] or errors; `rule` checks each string (of a
    list: each item) or number once its type is right."""

    kind: str
    rule: Rule | None = None


SCHEMA: dict[str, Key] = {
    "spec": Key("path", path_text),
    "out": Key("path", path_text),
    "templates": Key("path", path_text),
    "routes_file": Key("path", path_text),
    "cache": Key("path", path_text),
    "package": Key("str", package_name),
    "distribution": Key("str", distribution),
    "version": Key("str", pep440_version),
    "resources": Key("list[str]", resource_path),
    "client_class": Key("str", identifier),
    "async_client_class": Key("str", identifier),
    "error_root": Key("str", identifier),
    "log_env": Key("str", env_name),
    "default_base_url": Key("str", http_url),
    "auth_header": Key("str", header_name),
    "api_key_env": Key("str", env_name),
    "base_url_env": Key("str", env_name),
    "route_prefix": Key("str", route_prefix),
    "int_fields": Key("list[str]", non_empty),
    "float_fields": Key("list[str]", non_empty),
    "datetime_fields": Key("list[str]", non_empty),
    "string_fields": Key("list[str]", non_empty),
    "include": Key("list[str]", non_empty),
    "errors": Key("errors"),
    "default_timeout": Key("float", positive),
    "default_max_retries": Key("int", at_least_zero),
    "npm_package": Key("str", npm_name),
    "npm_version": Key("str", npm_version),
    "npm_sha256": Key("str", sha256),
    "strict": Key("bool"),
}
# one table of the `errors` array
ERROR_SCHEMA: dict[str, Key] = {
    "name": Key("str", identifier),
    "status": Key("int", http_status),
    "parent": Key("str", identifier),
}
ERROR_REQUIRED = ("name", "status")

_TOML_TYPES = {
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    str: "a string",
    list: "an array",
    dict: "a table",
}
_EXPECTED = {
    "str": "a string",
    "path": "a path (a string)",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "list[str]": "an array of strings",
    "errors": "an array of tables { name, status, parent }",
}


def toml_type(value: Any) -> str:
    return _TOML_TYPES.get(type(value), "a date or time")


def _wrong(path: tuple[str | int, ...], kind: str, value: Any) -> Problem:
    got = toml_type(value)
    if not isinstance(value, (list, dict)):
        got += f" ({show(value)})"
    return Problem(path, f"expected {_EXPECTED[kind]}, got {got}")


def _typed(kind: str, value: Any) -> bool:
    if kind in ("str", "path"):
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, list)  # list[str], errors: their items are checked one by one


def unknown_key(path: tuple[str | int, ...], key: str, known: list[str]) -> Problem:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return Problem((*path, key), f"unknown key {show(key)}{hint}", at_key=True)


def check_value(path: tuple[str | int, ...], key: Key, value: Any) -> Problem | None:
    """The first problem of one value (`path` names it in messages), or None."""
    if not _typed(key.kind, value):
        return _wrong(path, key.kind, value)
    if key.kind == "errors":
        for index, entry in enumerate(value):
            problem = check_error((*path, index), entry)
            if problem:
                return problem
        return None
    listed = key.kind == "list[str]"
    items = [((*path, i), item) for i, item in enumerate(value)] if listed else [(path, value)]
    for where, item in items:
        if listed and not isinstance(item, str):
            return _wrong(where, "str", item)
        message = key.rule(item) if key.rule else None
        if message:
            return Problem(where, message)
    return None


def check_error(path: tuple[str | int, ...], entry: Any) -> Problem | None:
    if not isinstance(entry, dict):
        return Problem(path, f"expected a table {{ name, status, parent }}, got {toml_type(entry)}")
    for name, value in entry.items():
        if name not in ERROR_SCHEMA:
            return unknown_key(path, name, list(ERROR_SCHEMA))
        problem = check_value((*path, name), ERROR_SCHEMA[name], value)
        if problem:
            return problem
    for name in ERROR_REQUIRED:
        if name not in entry:
            return Problem(path, f"missing '{name}'")
    return None


def check_section(section: dict[str, Any]) -> Problem | None:
    """The first problem of a `[tool.codegen]` or target table (without `targets`), or None."""
    for name, value in section.items():
        if name not in SCHEMA:
            return unknown_key((), name, list(SCHEMA))
        problem = check_value((name,), SCHEMA[name], value)
        if problem:
            return problem
    return None
