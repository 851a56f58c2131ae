"""Names that stand for other names in a `.d.ts`: import aliases and re-exports.

`resolve.py` follows them; without them `export type Address = API.Address` (API: an index file
that only re-exports) or `export import CursorPage = Pagination.CursorPage` resolve to nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from codegen.parser.grammar_fields import F_ALIAS, F_NAME, F_SOURCE
from codegen.parser.literals import property_name
from codegen.parser.source import SourceText


@dataclass
class NameAlias:
    """A name that stands for another: `import F = B.C` or `export { B as G }` (`text` read at
    `scope` of this file), or `export { X as Y } from './x'` (`text` of module `module`; an empty
    `text`: the whole module, `export * as W from`). `module` None with `spec`: not given."""

    text: str
    scope: str
    module: str | None = None
    spec: str | None = None


def read_reexport(
    source: SourceText, node: Node, prefix: str, module_of: Callable[[str], str | None]
) -> tuple[dict[str, NameAlias], str | None]:
    """`export { a as b }` (from './x'), `export * as W from './x'`: the names it exports, by
    qualified name; `export * from './x'`: the module it re-exports whole, when given."""
    spec_node = node.child_by_field_id(F_SOURCE)
    spec = property_name(source, spec_node) if spec_node is not None else None
    module = module_of(spec) if spec is not None else None
    exports: dict[str, NameAlias] = {}
    named = False
    for child in node.named_children:
        if child.type == "export_clause":
            named = True
            plain = plain_specifiers(source.text(child))
            if plain is not None:
                for name_text, alias_text in plain:
                    exports[f"{prefix}{alias_text}"] = NameAlias(name_text, prefix, module, spec)
                continue
            for item in child.named_children:
                if item.type != "export_specifier":
                    continue
                name = item.child_by_field_id(F_NAME)
                alias = item.child_by_field_id(F_ALIAS) or name
                if name is not None and alias is not None:
                    exports[f"{prefix}{source.text(alias)}"] = NameAlias(
                        source.text(name), prefix, module, spec
                    )
        elif child.type == "namespace_export" and spec is not None:
            named = True
            ident = next((c for c in child.named_children if c.type == "identifier"), None)
            if ident is not None:
                exports[f"{prefix}{source.text(ident)}"] = NameAlias("", prefix, module, spec)
    return exports, (module if spec is not None and not named else None)


def plain_specifiers(clause: str) -> list[tuple[str, str]] | None:
    """(name, local or exported name) of each specifier of a `{ type A as B, C }` clause read
    from its text, as the tree gives them: most clauses are only identifiers, `as` and `type`,
    and one split of the text costs less than two field reads and two slices an item (the
    whole SDK's index files re-export ~10k names). None (read the tree): anything else, such as
    a comment, a string name, `$` or a word `as`/`type` could be read two ways."""
    if clause[:1] != "{" or clause[-1:] != "}" or "/" in clause:
        return None
    found: list[tuple[str, str]] = []
    for part in clause[1:-1].split(","):
        words = part.split()
        count = len(words)
        if count == 1:
            name = alias = words[0]
        elif count == 3 and words[1] == "as":
            name, alias = words[0], words[2]
        elif count == 2 and words[0] == "type":
            name = alias = words[1]
        elif count == 4 and words[0] == "type" and words[2] == "as":
            name, alias = words[1], words[3]
        elif not count:
            continue  # (the trailing comma's empty part: the tree refused any other)
        else:
            return None
        if not (name.isidentifier() and alias.isidentifier()):
            return None
        if name in _AMBIGUOUS or alias in _AMBIGUOUS:
            return None
        found.append((name, alias))
    return found


_AMBIGUOUS = frozenset({"as", "type"})


def read_import_alias(source: SourceText, node: Node, prefix: str) -> tuple[str, NameAlias] | None:
    """`import F = B.C;` (also exported): `F` names what `B.C` names where it is written."""
    named = [c for c in node.named_children if c.type != "comment"]
    if len(named) == 2 and named[0].type == "identifier":
        return f"{prefix}{source.text(named[0])}", NameAlias(source.text(named[1]), prefix)
    return None
