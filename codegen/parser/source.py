"""Finding spec files, parsing them with tree-sitter, and refusing malformed input early.

The one kind of damage we repair is the lossy export's: a closing `>` left behind where a type
argument list was stripped (`Promise>`). tree-sitter isolates it as a one-character ERROR node
right after a type name; anything else that is not valid TypeScript is fatal.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import tree_sitter_typescript
from tree_sitter import Language, Node, Parser, Tree

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.ir import Location

DTS_SUFFIX = ".d.ts"


@dataclass
class SourceText:
    """One spec file: `module` is its path under the root without extension (`core/pagination`)."""

    path: Path
    display: str
    module: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def loc(self, node: Node) -> Location:
        return Location(self.display, node.start_point.row + 1, node.start_point.column + 1)

    def text(self, node: Node) -> str:
        return node.text.decode("utf-8", errors="replace") if node.text is not None else ""


@cache
def ts_parser() -> Parser:
    return Parser(Language(tree_sitter_typescript.language_typescript()))


def find_spec_files(
    root: Path, include: Sequence[str] | None = None
) -> tuple[list[SourceText], dict[str, SourceText]]:
    """The `.d.ts` files under `root` (or `root` itself) and the `.js` siblings, by module.

    `include` (globs on paths relative to `root`, see `included`) selects among a folder's files;
    empty or None takes them all.
    """
    if not root.exists():
        raise SpecError(None, f"{root}: no such file or directory")
    if root.is_file():
        if not root.name.endswith(DTS_SUFFIX):
            raise SpecError(None, f"{root}: expected a .d.ts file or a folder of them")
        base, files = root.parent, [root]
    else:
        base, files = root, sorted(p for p in root.rglob(f"*{DTS_SUFFIX}") if p.is_file())
        if include:
            files = [p for p in files if included(p.relative_to(root).as_posix(), include)]
            if not files:
                raise SpecError(None, f"{root}: no .d.ts files match include {list(include)}")
        if not files:
            raise SpecError(None, f"{root}: no .d.ts files found")
    dts = [_read(path, base) for path in files]
    js: dict[str, SourceText] = {}
    for source in dts:
        sibling = source.path.with_name(source.path.name[: -len(DTS_SUFFIX)] + ".js")
        if sibling.is_file():
            js[source.module] = _read(sibling, base)
    return dts, js


def included(rel: str, patterns: Sequence[str]) -> bool:
    """Whether the relative posix path `rel` matches one of `patterns`: `*` and `?` within one
    path segment, `**` across segments (`core/**`, `**/*.d.ts`); a pattern matching one of
    `rel`'s folders (`core`) includes everything under it."""
    parts = rel.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(_glob(p).match(c) for p in patterns for c in candidates)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    pattern = pattern.strip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _read(path: Path, base: Path) -> SourceText:
    rel = path.relative_to(base).as_posix()
    module = rel[: -len(DTS_SUFFIX)] if rel.endswith(DTS_SUFFIX) else rel.rsplit(".", 1)[0]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpecError(None, f"{path}: cannot read: {exc.strerror}") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(Location(str(path), 1, exc.start + 1), "file is not UTF-8") from None
    return SourceText(path, str(path), module, data)


def parse_checked(source: SourceText, diags: Diagnostics) -> Tree:
    """Parse and make sure the tree is whole, repairing only stray `>` after a type name."""
    tree = ts_parser().parse(source.data)
    for node in _broken_nodes(tree.root_node):
        if _is_stray_angle(source, node):
            diags.warn(
                "recovered-stray-angle",
                "stray '>' after a type name: type arguments were stripped here; ignored",
                source.loc(node),
            )
            continue
        raise SpecError(source.loc(node), _describe(source, node))
    return tree


def _broken_nodes(root: Node) -> list[Node]:
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if not node.has_error and not node.is_missing:
            continue
        if node.is_missing or node.type == "ERROR":
            found.append(node)
            continue
        stack.extend(reversed(node.children))
    return sorted(found, key=lambda n: n.start_byte)


def _is_stray_angle(source: SourceText, node: Node) -> bool:
    if node.is_missing or node.type != "ERROR":
        return False
    text = source.text(node)
    if not text or set(text) != {">"}:
        return False
    before = source.data[: node.start_byte].rstrip()
    return bool(before) and (chr(before[-1]).isalnum() or chr(before[-1]) in "_$>")


def _describe(source: SourceText, node: Node) -> str:
    if node.is_missing:
        return f"expected '{node.type}' here (the file looks truncated or unbalanced)"
    text = source.text(node).strip()
    if text.startswith("/*") and "*/" not in text:
        return "unterminated comment: expected '*/'"
    snippet = text.splitlines()[0][:40] if text else ""
    if not snippet:
        return "unexpected end of input: the file looks truncated"
    return f"syntax error: unexpected '{snippet}', expected a TypeScript declaration"
