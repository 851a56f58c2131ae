"""The code that fills route placeholders chosen by which params are given (`PathSelect`), as
the official Python SDKs write it:

    if account_id and zone_id:
        raise ValueError("You cannot provide both account_id and zone_id")
    if account_id:
        account_or_zone = "accounts"
        account_or_zone_id = account_id
    elif zone_id:
        ...
    else:
        raise ValueError("You must provide either account_id or zone_id")
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass

from codegen.emit.annotations import python_literal
from codegen.emit.code import Code
from codegen.emit.naming import identifier
from codegen.ir import Method, PathSelect


@dataclass(frozen=True)
class PathSelectContext:
    """`lines`: the statements (4-space relative indents) that bind `values`' locals;
    `values`: (placeholder, Python local) pairs for `path_template`."""

    lines: list[Code]
    values: list[tuple[str, str]]


def selects(method: Method) -> list[PathSelect]:
    return list(method.request.path_selects) if method.request else []


def choosers(method: Method) -> set[str]:
    """The spec names of the params that choose route placeholders."""
    return {c.param for s in selects(method) for c in s.choices if c.param}


def unsent_in_test(method: Method, choice: int) -> set[str]:
    """Chooser params a test that takes choice `choice` of every select leaves out."""
    out: set[str] = set()
    for s in selects(method):
        keep = s.choices[min(choice, len(s.choices) - 1)].param
        out |= {c.param for c in s.choices if c.param and c.param != keep}
    return out


def choice_values(method: Method, choice: int, path_values: dict[str, object]) -> dict[str, str]:
    """Placeholder -> the test's value when it takes choice `choice` of every select."""
    out: dict[str, str] = {}
    for s in selects(method):
        c = s.choices[min(choice, len(s.choices) - 1)]
        for v in c.values:
            value = v.literal if v.literal is not None else path_values[v.param or ""]
            out[v.placeholder] = str(value)
    return out


def choice_count(method: Method) -> int:
    return max((len(s.choices) for s in selects(method)), default=0)


def refused_calls(method: Method) -> list[set[str]]:
    """Sets of chooser params (spec names) a call may not give alone: none of them (when no
    choice is a default), and, for an exclusive select, all of them."""
    out: list[set[str]] = []
    for s in selects(method):
        params = {c.param for c in s.choices if c.param}
        if all(c.param for c in s.choices):
            out.append(set())
        if s.exclusive and len(params) > 1:
            out.append(params)
    return out


def path_select_contexts(
    method: Method, py_names: dict[str, str], annotations: dict[str, str], taken: set[str]
) -> list[PathSelectContext]:
    """One context per select; `py_names`/`annotations`: spec name -> the param's Python name /
    annotation text; `taken`: names the locals must not shadow."""
    out = []
    for s in selects(method):
        local = {}
        for placeholder in s.placeholders:
            name = identifier(placeholder)
            while name in taken or keyword.iskeyword(name):
                name += "_value"
            taken.add(name)
            local[placeholder] = name
        # made of the params' Python names, the locals' identifiers and escaped literals
        lines = [Code(line) for line in _lines(s, py_names, annotations, local)]
        out.append(PathSelectContext(lines, list(local.items())))
    return out


def _lines(
    s: PathSelect, py: dict[str, str], annotations: dict[str, str], local: dict[str, str]
) -> list[str]:
    given = [py[c.param] for c in s.choices if c.param]
    lines: list[str] = []
    for placeholder in s.placeholders:  # a local whose choices differ in type is an `object`
        kinds = {
            annotations.get(v.param or "", "") if v.param else "str"
            for c in s.choices
            for v in c.values
            if v.placeholder == placeholder
        }
        if len(kinds) > 1:
            lines.append(f"{local[placeholder]}: object")
    if s.exclusive and len(given) > 1:
        test = (
            " and ".join(given)
            if len(given) == 2
            else f"sum(1 for given in ({', '.join(given)}) if given) > 1"
        )
        lines += [f"if {test}:", f"    raise ValueError({python_literal(_both(given))})"]
    for i, c in enumerate(s.choices):
        indent = "    " if c.param is not None or i else ""  # a default first: no test
        if c.param is not None:
            lines.append(f"{'elif' if i else 'if'} {py[c.param]}:")
        elif i:
            lines.append("else:")
        for v in c.values:
            value = python_literal(v.literal) if v.literal is not None else py[v.param or ""]
            lines.append(f"{indent}{local[v.placeholder]} = {value}")
        if c.param is None:
            break
    else:
        lines += ["else:", f"    raise ValueError({python_literal(_none(given))})"]
    return lines


def _none(given: list[str]) -> str:
    if len(given) == 2:
        return f"You must provide either {given[0]} or {given[1]}"
    return f"You must provide one of {', '.join(given[:-1])} or {given[-1]}"


def _both(given: list[str]) -> str:
    if len(given) == 2:
        return f"You cannot provide both {given[0]} and {given[1]}"
    return f"You can provide only one of {', '.join(given[:-1])} and {given[-1]}"
