"""The warnings a method gives for some param values (`DEPRECATED_MODELS`): each table as a
module-level constant of the resource module, and the check each method makes before its
request, with the message built as the `.js` builds it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from codegen.emit.annotations import python_literal
from codegen.emit.code import Code
from codegen.emit.naming import identifier
from codegen.ir import Location, Method, ValueWarning

_CATEGORIES = {"deprecation": "DeprecationWarning", "user": "UserWarning"}


@dataclass(frozen=True)
class TableContext:
    """`NAME: dict[str, str] = {...}` in the resource module (importable, as the official SDK's)."""

    name: str
    entries: Code


@dataclass(frozen=True)
class WarningContext:
    """`if isinstance(<param>, str) and <param> in <table>: _warnings.warn(<message>, ...)`."""

    param: str
    table: str
    message: Code
    category: str
    # for the generated test: the table as a literal, and the call's arguments with the
    # param's value the name `value`
    entries: Code
    call_args: Code


def table_name(warning: ValueWarning) -> str:
    return identifier(warning.table)


def method_warnings(
    method: Method,
    py_names: dict[str, str],
    path_args: list[Code],
    keyword: list[tuple[str, Code]],
) -> list[WarningContext]:
    """`py_names`: wire name -> the Python name of the method's param; `path_args` and
    `keyword` (name, example): the test call's arguments."""
    out: list[WarningContext] = []
    for w in method.request.warnings if method.request else []:
        param = py_names.get(w.param)
        if param is None:
            continue
        table = table_name(w)
        merged: list[tuple[str, str]] = []  # adjacent literal pieces joined
        for part in w.message:
            if part.kind == "text" and merged and merged[-1][0] == "text":
                merged[-1] = ("text", merged[-1][1] + part.text)
            else:
                merged.append((part.kind, part.text))
        pieces = [
            python_literal(text) if kind == "text" else param if kind == "value" else
            f"{table}[{param}]"
            for kind, text in merged
        ]
        message = Code(" + ".join(pieces) if pieces else python_literal(""))
        call_args = "".join(f"{a}, " for a in path_args) + "".join(
            f"{name}={'value' if name == param else example}, "
            for name, example in keyword
            if name != "stream"
        )
        out.append(
            WarningContext(
                param,
                table,
                message,
                _CATEGORIES[w.category],
                python_literal(dict(w.entries)),
                Code(call_args),
            )
        )
    return out


def resource_tables(
    methods: list[Method], warn: Callable[[str, Location], None]
) -> list[TableContext]:
    """Each table the resource's methods use, once, in the order first used."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for method in methods:
        for w in method.request.warnings if method.request else []:
            name = table_name(w)
            if name in seen and seen[name] != w.entries:
                warn(f"{method.name}: two tables named {name} with different entries; the "
                     "first one is used", method.loc)
            seen.setdefault(name, w.entries)
    return [TableContext(name, python_literal(dict(entries))) for name, entries in seen.items()]
