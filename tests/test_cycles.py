"""Import-cycle merging of generated type modules: components against a brute-force closure."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from codegen.emit.cycles import merge_plan, strongly_connected

NODES = "abcdef"
graphs = st.dictionaries(
    st.sampled_from(NODES), st.sets(st.sampled_from(NODES), max_size=3), max_size=6
)


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), set()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@given(graphs)
def test_components_are_mutual_reachability_classes(graph: dict[str, set[str]]) -> None:
    nodes = sorted(set(graph) | {t for ts in graph.values() for t in ts})
    for component in strongly_connected(graph):
        for a in component:
            for b in nodes:
                mutual = b in _reach(graph, a) and a in _reach(graph, b)
                assert mutual == (b in component)
    assert sorted(n for c in strongly_connected(graph) for n in c) == nodes


@given(graphs)
def test_merged_graph_has_no_cycles(graph: dict[str, set[str]]) -> None:
    plan = merge_plan(graph)
    merged: dict[str, set[str]] = {}
    for node, targets in graph.items():
        src = plan.get(node, node)
        merged.setdefault(src, set()).update(
            plan.get(t, t) for t in targets if plan.get(t, t) != src
        )
    for component in strongly_connected(merged):
        assert len(component) == 1


def test_two_modules_importing_each_other_merge_into_the_first() -> None:
    assert merge_plan({"beta_sessions": {"beta_agents"}, "beta_agents": {"beta_sessions"}}) == {
        "beta_sessions": "beta_agents"
    }
