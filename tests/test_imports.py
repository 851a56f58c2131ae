"""Per-file imports (`codegen.emit.imports`): a module keeps exactly the imported names it uses."""

from __future__ import annotations

import ast
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.emit.imports import prune_imports


def _bound(text: str) -> set[str]:
    """Names the module's top-level imports bind."""
    names: set[str] = set()
    for node in ast.parse(text).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
    return names


def test_drops_unused_names_and_empty_statements() -> None:
    text = textwrap.dedent("""\
        from __future__ import annotations

        from datetime import datetime
        from typing import Any, Dict, List, cast
        import httpx

        def f(x: List[int]) -> Any:
            return cast(Any, x)
        """)
    out = prune_imports(text)
    assert _bound(out) == {"annotations", "Any", "List", "cast"}
    assert "from typing import Any, List, cast\n" in out
    assert "datetime" not in out and "httpx" not in out
    compile(out, "m.py", "exec")


def test_keeps_reexports_forward_references_and_fixtures() -> None:
    text = textwrap.dedent("""\
        from a import Exported, Hidden
        from b import Again as Again
        from c import Quoted, Casted, fixture, Unused
        import pkg.sub

        __all__ = ["Exported"]

        def test_x(fixture: object) -> "Quoted":
            return cast("Casted", pkg.sub.value)
        """)
    out = prune_imports(text)
    assert _bound(out) == {"Exported", "Again", "Quoted", "Casted", "fixture", "pkg"}


def test_strings_count_only_in_type_positions() -> None:
    text = textwrap.dedent('''\
        import json
        from a import Later, Inner, Alias_, Boxed, Said
        from typing import Literal, TypedDict, List, TypeAlias

        T = TypedDict("T", {"x": "Optional[Later]"})
        X: TypeAlias = "Alias_"
        y = List["Boxed"]

        def f(mode: Literal["json", "Said"]) -> "List[Inner]":
            """Said json."""
            return {"json": 1, "Said": print("Said")}
        ''')
    kept = _bound(prune_imports(text))
    assert kept == {
        "Later",
        "Inner",
        "Alias_",
        "Boxed",
        "Literal",
        "TypedDict",
        "List",
        "TypeAlias",
    }


def test_multi_line_statement_stays_exploded() -> None:
    text = "from typing import (\n    Any,\n    Dict,\n    List,\n)\n\nx: Any = None\ny: List[int] = []\n"
    assert prune_imports(text) == (
        "from typing import (\n    Any,\n    List,\n)\n\nx: Any = None\ny: List[int] = []\n"
    )


def test_leaves_unparseable_and_shared_lines_alone() -> None:
    assert prune_imports("def (:\n") == "def (:\n"
    shared = "import os; import sys\nprint(sys)\n"
    assert prune_imports(shared) == shared
    clean = "import os\n\nprint(os.sep)\n"
    assert prune_imports(clean) == clean


POOL = ["Alpha", "Beta", "Gamma", "Delta", "Eps", "Zeta", "Eta", "Theta"]
USES = [
    "value: {n} | None = None",
    "def f_{i}(x: {n}) -> None: ...",
    "print({n}.attr)",
    'cast("{n}", None)',
    "def g_{i}() -> 'list[{n}]': ...",
    "class C_{i}({n}): ...",
    "r_{i} = [{n} for _ in ()]",
    'T_{i} = TypedDict("T_{i}", {{"f": "Optional[{n}]"}})',
    "x_{i} = Dict[str, '{n}']",
]
# Mentions of a name that are not uses: the name stays unused.
DECOYS = [
    'print("{n}")',
    'd_{i} = {{"{n}": 1}}',
    "# {n} in a comment",
    'def h_{i}(v: Literal["{n}"]) -> None: ...',
    'def k_{i}() -> None:\n    """{n} in a docstring."""',
    "o_{i}.{n} = 1",
]


@st.composite
def modules(draw: st.DrawFn) -> tuple[str, set[str], set[str]]:
    """(module text, names it uses, names it imports), imports split over random statements."""
    imported = draw(st.lists(st.sampled_from(POOL), min_size=1, unique=True))
    used = set(draw(st.lists(st.sampled_from(imported), unique=True)))
    groups = draw(st.integers(1, len(imported)))
    lines = []
    for g in range(groups):
        names = imported[g::groups]
        if draw(st.booleans()) and len(names) > 1:
            body = "".join(f"    {n},\n" for n in names)
            lines.append(f"from mod{g} import (\n{body})\n")
        else:
            lines.append(f"from mod{g} import {', '.join(names)}\n")
    lines.append("\n")
    for i, name in enumerate(sorted(used)):
        lines.append(draw(st.sampled_from(USES)).format(n=name, i=i) + "\n")
    for i, name in enumerate(sorted(set(imported) - used)):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(DECOYS)).format(n=name, i=i + len(POOL)) + "\n")
    return "".join(lines), used, set(imported)


@settings(max_examples=200, deadline=None)
@given(modules())
def test_pruning_never_drops_a_used_name(case: tuple[str, set[str], set[str]]) -> None:
    text, used, imported = case
    out = prune_imports(text)
    compile(out, "m.py", "exec")
    assert _bound(out) == used  # every used name kept, every unused one gone
    assert prune_imports(out) == out  # a fixed point: running it twice changes nothing
    body = [line for line in out.splitlines() if not line.startswith(("from ", "    ", ")"))]
    assert body == [
        line for line in text.splitlines() if not line.startswith(("from ", "    ", ")"))
    ]
    assert _bound(text) == imported


def test_line_breaks_ast_does_not_count_leave_lines_in_place() -> None:
    """A docstring holding a form feed or U+2028 (which `str.splitlines` splits at) before the
    imports: the statements edited are still the right lines."""
    text = '"""Doc \x0c with \u2028 breaks."""\nimport os\nimport sys\n\nprint(sys.argv)\n'
    assert (
        prune_imports(text) == '"""Doc \x0c with \u2028 breaks."""\nimport sys\n\nprint(sys.argv)\n'
    )
