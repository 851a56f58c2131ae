"""Imports computed per file: a rendered module keeps only the imported names it uses.

Templates import one fixed block per kind of module, whatever the module needs, so that they
stay simple; this step, run on each rendered module before black, drops the names the module
never reads, so the output is clean under the unused-import check its users run (ruff F401).
It only ever removes names, and only where that is safe to decide from the module alone. A name
is kept when it is:
- read anywhere in the module (a `Name`, or a name inside a string that parses as an
  expression: quoted annotations and `cast("T", ...)`);
- listed in `__all__`, or imported in the re-export form `from x import y as y`;
- a parameter name of some function (a pytest fixture is requested by parameter name);
- from `__future__`, a `*` import, or in a statement sharing its lines with another.
Text the module cannot be parsed as is returned unchanged (black then reports it).
"""

from __future__ import annotations

import ast

__all__ = ["prune_imports", "used_names"]


def prune_imports(text: str) -> str:
    """`text` without the imported names it does not use; deterministic, never adds anything."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return text
    used = used_names(tree)
    lines = text.splitlines(keepends=True)
    shared = _shared_lines(tree)
    edits: list[tuple[int, int, str]] = []
    for node in tree.body:
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        end = node.end_lineno or node.lineno
        if any(line in shared for line in range(node.lineno, end + 1)):
            continue
        kept = [alias for alias in node.names if _keeps(alias, used)]
        if len(kept) == len(node.names):
            continue
        edits.append((node.lineno, end, _statement(node, kept, lines[node.lineno - 1], end)))
    for start, end, replacement in reversed(edits):
        lines[start - 1 : end] = [replacement] if replacement else []
    return "".join(lines)


def used_names(tree: ast.Module) -> set[str]:
    """Every name the module reads, names in `__all__`, strings that parse as expressions, and
    function parameter names; import statements themselves do not count."""
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.arg):
            used.add(node.arg)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            used |= _names_in_string(node.value)
    return used


def _names_in_string(value: str) -> set[str]:
    """Names of `value` read as an expression (a forward reference); none if it is not one."""
    if not value.strip() or len(value) > 2_000:
        return set()
    try:
        parsed = ast.parse(value.strip(), mode="eval")
    except (SyntaxError, ValueError):
        return set()
    return {node.id for node in ast.walk(parsed) if isinstance(node, ast.Name)}


def _keeps(alias: ast.alias, used: set[str]) -> bool:
    if alias.name == "*":
        return True
    if alias.asname is not None and alias.asname == alias.name:
        return True  # `from x import y as y`: an explicit re-export
    bound = alias.asname or alias.name.split(".")[0]
    return bound in used


def _shared_lines(tree: ast.Module) -> set[int]:
    """Lines holding more than one top-level statement (`import a; import b`)."""
    seen: dict[int, int] = {}
    for node in tree.body:
        for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
            seen[line] = seen.get(line, 0) + 1
    return {line for line, count in seen.items() if count > 1}


def _statement(
    node: ast.Import | ast.ImportFrom, kept: list[ast.alias], first: str, end: int
) -> str:
    """`node` with only `kept`, at its indentation, exploded one name a line (with a trailing
    comma, so black keeps it so) when the original spanned lines; "" when nothing is kept."""
    if not kept:
        return ""
    indent = first[: len(first) - len(first.lstrip())]
    names = [_alias(alias) for alias in kept]
    if isinstance(node, ast.Import):
        return f"{indent}import {', '.join(names)}\n"
    source = "." * node.level + (node.module or "")
    if end > node.lineno:
        body = "".join(f"{indent}    {name},\n" for name in names)
        return f"{indent}from {source} import (\n{body}{indent})\n"
    return f"{indent}from {source} import {', '.join(names)}\n"


def _alias(alias: ast.alias) -> str:
    return alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"
