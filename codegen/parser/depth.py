"""How deep declarations reach through each other, bounded so that no later walk overflows.

Types are bounded where they are read (`types.MAX_TYPE_DEPTH`); this bounds the chains across
declarations: an alias of an alias of ..., an interface extending one extending ..., a field
whose type holds a field whose type ... The emitter descends such chains recursively (alias
order, inherited fields, example values), so the longest one, counted in type levels, must stay
under `MAX_REACH`. A reference back to a declaration already on the chain (a cycle) ends it.
"""

from __future__ import annotations

from codegen.errors import SpecError
from codegen.ir import Declaration, Interface, Ref, TypeRef
from codegen.ir_walk import children

MAX_REACH = 200


def _edges(decl: Declaration) -> list[tuple[str, int]]:
    """(declaration id, type levels down to the reference) for every reference in `decl`."""
    roots: list[TypeRef] = (
        [*(f.type for f in decl.fields), *decl.extends]
        if isinstance(decl, Interface)
        else [decl.type]
    )
    out: list[tuple[str, int]] = []
    stack = [(t, 1) for t in roots]
    while stack:
        t, level = stack.pop()
        if isinstance(t, Ref) and t.target:
            out.append((t.target, level))
        stack.extend((c, level + 1) for c in children(t))
    return out


def check_reach(decls: dict[str, Declaration]) -> None:
    """Raise a located SpecError when a chain of declarations nests more than MAX_REACH levels."""
    reach: dict[str, int] = {}
    for start in sorted(decls):
        if start in reach:
            continue
        on_path = {start}
        work = [(start, iter(_edges(decls[start])), 0)]
        best = {start: 0}
        while work:
            current, edges, _ = work[-1]
            for target, level in edges:
                if target not in decls or target in on_path:
                    continue
                if target in reach:
                    best[current] = max(best[current], level + reach[target])
                    continue
                on_path.add(target)
                best[target] = 0
                work.append((target, iter(_edges(decls[target])), level))
                break
            else:
                _, _, level = work.pop()
                on_path.discard(current)
                reach[current] = best.pop(current)
                if reach[current] > MAX_REACH:
                    decl = decls[current]
                    raise SpecError(
                        decl.loc,
                        f"'{decl.name}' nests declarations too deep: more than {MAX_REACH} "
                        "type levels through the declarations it refers to",
                    )
                if work:
                    parent = work[-1][0]
                    best[parent] = max(best[parent], level + reach[current])
