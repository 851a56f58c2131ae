"""Import blocks and `__all__` in the order ruff's default rules check (I001, RUF022).

Templates write imports in the order that reads well to a template author and names in
declaration order; users run ruff with its defaults, so each rendered module is put in isort's
order (the settings ruff defaults to) before black: sections future, standard library, third
party, first party, relative; in each, `import x` lines before `from x import` lines; modules and
members in natural order, case-insensitively first, members constants, then classes, then the
rest; `from x import a as b` on its own statement; one blank line between sections; a `from`
import longer than 88 columns (ruff's default line length) one name a line. `__all__` lists of
strings are sorted the way RUF022 sorts them. A block holding a comment, or a statement sharing
its line, is left as written, and text that does not parse is returned unchanged.
"""

from __future__ import annotations

import ast
import functools
import sys
from collections.abc import Iterable, Sequence

__all__ = ["ordered"]

LINE_LENGTH = 88

_FUTURE, _STDLIB, _THIRD_PARTY, _FIRST_PARTY, _LOCAL = range(5)


def ordered(text: str, first_party: Iterable[str]) -> str:
    """`text` with each import block and each top-level `__all__` in ruff's default order;
    `first_party`: the top-level modules of the project the module is part of."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return text
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    known = frozenset(first_party)
    edits: list[tuple[int, int, str]] = []
    for block in _blocks(tree):
        start, end = block[0].lineno, block[-1].end_lineno or block[-1].lineno
        if _has_comment_or_shared_line(lines, start, end, block[0].col_offset):
            continue
        indent = lines[start - 1][: len(lines[start - 1]) - len(lines[start - 1].lstrip())]
        edits.append((start, end, _block_text(block, indent, known)))
    for node in tree.body:
        edit = _sorted_all(node, lines)
        if edit is not None:
            edits.append(edit)
    for start, end, replacement in sorted(edits, reverse=True):
        if "".join(lines[start - 1 : end]) != replacement:
            lines[start - 1 : end] = [replacement]
    return "".join(lines)


def _blocks(tree: ast.Module) -> list[list[ast.Import | ast.ImportFrom]]:
    """Runs of consecutive import statements, in every statement list of the module."""
    found: list[list[ast.Import | ast.ImportFrom]] = []
    for node in ast.walk(tree):
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if not isinstance(body, list):
                continue
            run: list[ast.Import | ast.ImportFrom] = []
            for stmt in [*body, None]:
                if isinstance(stmt, ast.Import | ast.ImportFrom):
                    run.append(stmt)
                    continue
                if run:
                    found.append(run)
                run = []
    return found


def _has_comment_or_shared_line(lines: list[str], start: int, end: int, col: int) -> bool:
    """Whether lines `start..end` hold a comment (imports hold no strings, so any `#` is one), a
    `;`, or code before column `col` of the first line: another statement on those lines.
    """
    shared = lines[start - 1][:col].strip() != ""
    return shared or any("#" in line or ";" in line for line in lines[start - 1 : end])


def _section(module: str, level: int, first_party: frozenset[str]) -> int:
    top = module.split(".")[0]
    if level:
        return _LOCAL
    if top == "__future__":
        return _FUTURE
    if top in sys.stdlib_module_names:
        return _STDLIB
    return _FIRST_PARTY if top in first_party else _THIRD_PARTY


def _block_text(
    block: Sequence[ast.Import | ast.ImportFrom], indent: str, first_party: frozenset[str]
) -> str:
    straight: dict[int, set[tuple[str, str | None]]] = {}
    froms: dict[int, dict[tuple[int, str, str, str], set[tuple[str, str | None]]]] = {}
    for node in block:
        if isinstance(node, ast.Import):
            for alias in node.names:
                section = _section(alias.name, 0, first_party)
                straight.setdefault(section, set()).add((alias.name, alias.asname))
            continue
        section = _section(node.module or "", node.level, first_party)
        by_module = froms.setdefault(section, {})
        for alias in node.names:
            # `a as b` is a statement of its own (ruff's default `combine-as-imports = false`)
            split = (alias.name, alias.asname) if alias.asname else ("", "")
            key = (node.level, node.module or "", *split)
            by_module.setdefault(key, set()).add((alias.name, alias.asname))
    sections: list[str] = []
    for section in sorted({*straight, *froms}):
        out = [
            f"{indent}import {name}" + (f" as {asname}" if asname else "") + "\n"
            for name, asname in sorted(straight.get(section, ()), key=_straight_key)
        ]
        statements = []
        for key, aliases in froms.get(section, {}).items():
            level, module = key[0], key[1] or None
            members = sorted(aliases, key=_member_key)
            statements.append((_from_key(level, module, members[0]), level, module, members))
        statements.sort(key=lambda s: s[0])
        for _, level, module, members in statements:
            out.append(_from_text(indent, "." * level + (module or ""), members))
        sections.append("".join(out))
    return "\n".join(sections)


def _from_text(indent: str, source: str, members: list[tuple[str, str | None]]) -> str:
    names = [name + (f" as {asname}" if asname else "") for name, asname in members]
    line = f"{indent}from {source} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line + "\n"
    body = "".join(f"{indent}    {name},\n" for name in names)
    return f"{indent}from {source} import (\n{body}{indent})\n"


def natural_compare(a: str, b: str) -> int:
    """Natural order as ruff's `natord` has it: runs of digits compare as numbers (left-aligned
    when either starts with 0), other characters by code point."""
    i = j = 0
    while True:
        if i >= len(a) or j >= len(b):
            return (i < len(a)) - (j < len(b))
        ca, cb = a[i], b[j]
        if ca.isdigit() and cb.isdigit():
            ei, ej = i, j
            while ei < len(a) and a[ei].isdigit():
                ei += 1
            while ej < len(b) and b[ej].isdigit():
                ej += 1
            da, db = a[i:ei], b[j:ej]
            if ca == "0" or cb == "0":
                result = (da > db) - (da < db)
            else:
                result = (len(da) > len(db)) - (len(da) < len(db)) or (da > db) - (da < db)
            if result:
                return result
            i, j = ei, ej
            continue
        if ca != cb:
            return -1 if ca < cb else 1
        i, j = i + 1, j + 1


@functools.total_ordering
class _Natural:
    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Natural) and natural_compare(self.value, other.value) == 0

    def __lt__(self, other: _Natural) -> bool:
        return natural_compare(self.value, other.value) < 0

    def __hash__(self) -> int:
        return hash(self.value)


def _optional(value: str | None) -> tuple[int, _Natural]:
    return (0, _Natural("")) if value is None else (1, _Natural(value))


def member_type(name: str) -> int:
    """0 constant (`API_KEY`), 1 class (`Client`), 2 anything else, as isort guesses them."""
    if len(name) > 1 and name.upper() == name and name.lower() != name:
        return 0
    return 1 if name[:1].isupper() else 2


def _member_key(member: tuple[str, str | None]) -> tuple[object, ...]:
    name, asname = member
    return (
        name != "*",
        member_type(name),
        _Natural(name.lower()),
        _Natural(name),
        _optional(asname),
    )


def _straight_key(member: tuple[str, str | None]) -> tuple[object, ...]:
    name, asname = member
    return (_Natural(name.lower()), _Natural(name), _optional(asname))


def _from_key(level: int, module: str | None, first: tuple[str, str | None]) -> tuple[object, ...]:
    lower = None if module is None else module.lower()
    return (-level, _optional(lower), _optional(module), _member_key(first))


def all_key(name: str) -> tuple[int, _Natural]:
    """RUF022's order: constants, classes, the rest; each in natural order."""
    return (member_type(name), _Natural(name))


def _sorted_all(node: ast.stmt, lines: list[str]) -> tuple[int, int, str] | None:
    """The edit that sorts a top-level `__all__ = [...]` of plain strings, or None."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target, value = node.targets[0], node.value
    elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
        target, value = node.target, node.value
    else:
        return None
    if not (isinstance(target, ast.Name) and target.id == "__all__"):
        return None
    if not isinstance(value, ast.List | ast.Tuple) or len(value.elts) < 2:
        return None
    if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts):
        return None
    start, end = node.lineno, node.end_lineno or node.lineno
    if _has_comment_or_shared_line(lines, start, end, node.col_offset):
        return None
    names = [
        e.value for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
    ]
    if names == sorted(names, key=all_key):
        return None
    first = lines[start - 1]
    head = first[: (value.col_offset)]
    opening, closing = ("[", "]") if isinstance(value, ast.List) else ("(", ")")
    items = [repr_double(name) for name in sorted(names, key=all_key)]
    if start == end:
        return start, end, f"{head}{opening}{', '.join(items)}{closing}\n"
    body = "".join(f"    {item},\n" for item in items)
    return start, end, f"{head}{opening}\n{body}{closing}\n"


def repr_double(value: str) -> str:
    """A string literal in double quotes, as black writes it."""
    text = repr(value)
    if text.startswith("'") and '"' not in value:
        text = '"' + text[1:-1].replace("\\'", "'") + '"'
    return text
