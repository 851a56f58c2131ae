"""Imports computed per file: a rendered module keeps only the imported names it uses.

Templates import one fixed block per kind of module, whatever the module needs, so that they
stay simple; this step, run on each rendered module before black, drops the names the module
never reads, so the output is clean under the unused-import check its users run (ruff F401).
It only ever removes names, and only where that is safe to decide from the module alone. A name
is kept when it is:
- read anywhere in the module: a `Name`, or a name in a string in a type position (a quoted
  annotation, `cast("T", ...)`, a functional `TypedDict`'s field types, `List["T"]`);
- listed in `__all__`, or imported in the re-export form `from x import y as y`;
- a parameter name of some function (a pytest fixture is requested by parameter name);
- from `__future__`, a `*` import, or in a statement sharing its lines with another.
Text the module cannot be parsed as is returned unchanged (black then reports it).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

from codegen.cache import BlobStore, sha256_hex
from codegen.emit import import_order
from codegen.emit.import_order import ordered

__all__ = ["prune_imports", "pruned", "used_names"]


_SALT = sha256_hex(
    "imports", Path(__file__).read_bytes(), Path(import_order.__file__).read_bytes()
)


def pruned(text: str, cache: BlobStore | None, first_party: Sequence[str] = ()) -> str:
    """`prune_imports(text)`, then imports and `__all__` in ruff's order (`first_party`: the
    project's top-level modules), looked up in `cache` first (keyed by the text and the source of
    both steps), so an incremental run does not parse its unchanged modules again."""
    if cache is None:
        return ordered(prune_imports(text), first_party)
    key = sha256_hex(_SALT, "\0".join(first_party), text)
    hit = cache.get_text(key)
    if hit is None:
        hit = ordered(prune_imports(text), first_party)
        cache.put_text(key, hit)
    return hit


def prune_imports(text: str) -> str:
    """`text` without the imported names it does not use; deterministic, never adds anything."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return text
    used = used_names(tree)
    lines = text.split("\n")  # as `ast` counts lines (`splitlines` also splits at \f, \u2028...)
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
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
    """Every name the module reads, the names of strings in type positions and of `__all__`,
    and function parameter names; import statements themselves do not count."""
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.arg):
            used.add(node.arg)
    for expr in _type_positions(tree):
        used |= _forward_references(expr)
    for expr in _all_lists(tree):
        used |= {
            n.value
            for n in ast.walk(expr)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
    return used


# Calls whose arguments are types (`TypedDict("T", {"a": "Optional[X]"})`, `cast("X", v)`).
_TYPE_CALLS = frozenset({"cast", "TypedDict", "TypeVar", "NewType", "NamedTuple", "TypeAliasType"})
_BUILTIN_GENERICS = frozenset({"type", "list", "dict", "tuple", "set", "frozenset"})


def _callee(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _type_positions(tree: ast.Module) -> list[ast.expr]:
    """The expressions of `tree` that are types, where a string is a forward reference: the
    annotations, a `TypeAlias`'s value, the arguments of the typing calls, and what a generic
    (`List[...]`, any subscripted capitalised name) is subscripted with."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            found.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            found.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            found.append(node.annotation)
            if node.value is not None and _callee(node.annotation) == "TypeAlias":
                found.append(node.value)
        elif isinstance(node, ast.Call) and _callee(node.func) in _TYPE_CALLS:
            found.extend(node.args)
            found.extend(keyword.value for keyword in node.keywords)
        elif isinstance(node, ast.Subscript):
            name = _callee(node.value) or ""
            if name in _BUILTIN_GENERICS or (name[:1].isupper() and name != "Literal"):
                found.append(node.slice)
    return found


def _forward_references(expr: ast.expr, depth: int = 0) -> set[str]:
    """Names of the strings in type expression `expr`, each read as a type expression itself
    (`"Optional[Foo]"`); a `Literal[...]`'s strings are values, not types."""
    names: set[str] = set()
    stack: list[ast.AST] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Subscript) and _callee(node.value) == "Literal":
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and depth < 4:
            try:
                parsed = ast.parse(node.value.strip(), mode="eval").body
            except (SyntaxError, ValueError):
                continue
            names |= {n.id for n in ast.walk(parsed) if isinstance(n, ast.Name)}
            names |= _forward_references(parsed, depth + 1)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return names


def _all_lists(tree: ast.Module) -> list[ast.expr]:
    """The values assigned or added to `__all__` at the top level."""
    found: list[ast.expr] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(_callee(t) == "__all__" for t in node.targets):
            found.append(node.value)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign) and _callee(node.target) == "__all__":
            if node.value is not None:
                found.append(node.value)
    return found


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
