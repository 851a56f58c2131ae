"""Import cycles between generated type modules, and how to break them.

Spec files may reference each other both ways (`beta/agents` <-> `beta/sessions`); Python modules
cannot import each other at load time. Every strongly connected component of the import graph is
merged into one module (its first name in sorted order); the other names stay importable as
re-export stubs.
"""

from __future__ import annotations


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively; components (each sorted) in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(sorted(component))
    return sorted(result)


def merge_plan(graph: dict[str, set[str]]) -> dict[str, str]:
    """module -> the module it is merged into, for every module on an import cycle."""
    plan: dict[str, str] = {}
    for component in strongly_connected(graph):
        if len(component) > 1:
            for member in component[1:]:
                plan[member] = component[0]
    return plan
