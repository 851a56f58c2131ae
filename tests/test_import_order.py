"""Import blocks and `__all__` put in ruff's default order (codegen/emit/import_order.py): what
ruff's I001 and RUF022 then accept, checked by ruff itself on generated modules."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.emit.import_order import natural_compare, ordered

FIRST_PARTY = ("pkg", "tests")


def _ruff_order_findings(folder: Path, text: str) -> str:
    # ruff counts a module first-party when its file is there (the generated ones all are)
    for module in ("pkg/__init__", "pkg/types", "pkg/sub_2", "pkg/sub_10", "tests/server"):
        (folder / module).parent.mkdir(exist_ok=True)
        (folder / f"{module}.py").write_text("")
    (folder / "m.py").write_text(text)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--no-cache",
            "--target-version",
            "py311",
            "--select",
            "I,RUF022",
            "--output-format",
            "concise",
            "m.py",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert run.returncode in (0, 1), run.stderr
    return run.stdout if run.returncode else ""


def test_sections_members_aliases_and_wrapping(tmp_path: Path) -> None:
    text = (
        "from __future__ import annotations\n"
        "from .b import Zeta, alpha, BETA\n"
        "import sys, os\n"
        "from pydantic import Field\n"
        "\n\n"
        "from pkg.types import Item as Item, Another as Another\n"
        "from .. import up\n"
        "from . import here\n"
        "from typing import Any\n"
        "import httpx\n"
        "from .b import Gamma\n"
        "from .very_long_module_name_for_wrapping import (first_long_name, second_long_name, third, fourth)\n"
        "\n"
        "__all__ = ['zed', 'Alpha', 'BETA', 'Item2', 'Item10']\n"
    )
    out = ordered(text, FIRST_PARTY)
    assert out == (
        "from __future__ import annotations\n"
        "\n"
        "import os\n"
        "import sys\n"
        "from typing import Any\n"
        "\n"
        "import httpx\n"
        "from pydantic import Field\n"
        "\n"
        "from pkg.types import Another as Another\n"
        "from pkg.types import Item as Item\n"
        "\n"
        "from .. import up\n"
        "from . import here\n"
        "from .b import BETA, Gamma, Zeta, alpha\n"
        "from .very_long_module_name_for_wrapping import (\n"
        "    first_long_name,\n"
        "    fourth,\n"
        "    second_long_name,\n"
        "    third,\n"
        ")\n"
        "\n"
        '__all__ = ["BETA", "Alpha", "Item2", "Item10", "zed"]\n'
    )
    assert _ruff_order_findings(tmp_path, out) == ""
    assert ordered(out, FIRST_PARTY) == out


def test_blocks_with_comments_or_shared_lines_are_left_as_written() -> None:
    text = "import sys\n# why\nimport os\nimport b; import a\n"
    assert ordered(text, FIRST_PARTY) == text
    assert ordered("def f(:\n", FIRST_PARTY) == "def f(:\n"


def test_nested_blocks_are_ordered() -> None:
    text = "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from .b import B\n    from .a import A\n"
    assert ordered(text, FIRST_PARTY).endswith("    from .a import A\n    from .b import B\n")


def test_natural_order() -> None:
    assert natural_compare("Tool20250124", "Tool20241022") > 0
    assert natural_compare("v2", "v10") < 0
    assert natural_compare("a.b", "a0") < 0


_NAMES = st.sampled_from(
    [
        "os",
        "sys",
        "json",
        "typing",
        "httpx",
        "pydantic",
        "pkg",
        "pkg.types",
        "pkg.sub_2",
        "pkg.sub_10",
        "tests.server",
        "collections.abc",
    ]
)
_MEMBERS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "Any",
                "API_KEY",
                "Client",
                "client",
                "Page2",
                "Page10",
                "a_b",
                "X",
                "x",
                "NotGiven",
                "NOT_GIVEN",
                "_private",
                "Item",
            ]
        ),
        st.sampled_from([None, None, "Alias", "Item"]),
    ),
    min_size=1,
    max_size=5,
)
_STATEMENT = st.one_of(
    st.tuples(st.just("import"), _NAMES, st.just([])),
    st.tuples(
        st.just("from"), st.one_of(_NAMES, st.sampled_from([".", "..", ".m", "..m.n"])), _MEMBERS
    ),
)


def _render(statement: tuple[str, str, list[tuple[str, str | None]]]) -> str:
    kind, module, members = statement
    if kind == "import":
        return f"import {module}\n"
    names = ", ".join(name + (f" as {asname}" if asname else "") for name, asname in members)
    return f"from {module} import {names}\n"


@settings(max_examples=25, deadline=None)
@given(
    st.lists(_STATEMENT, min_size=1, max_size=12),
    st.lists(
        st.sampled_from(["A", "B_C", "x", "Page2", "Page10", "aB", "AB"]),
        min_size=2,
        max_size=6,
        unique=True,
    ),
)
def test_ruff_accepts_what_it_orders(
    statements: list[tuple[str, str, list[tuple[str, str | None]]]], names: list[str]
) -> None:
    text = "".join(_render(s) for s in statements) + f"\n__all__ = {names!r}\n"
    out = ordered(text, FIRST_PARTY)
    with tempfile.TemporaryDirectory() as folder:
        assert _ruff_order_findings(Path(folder), out) == "", out
    assert ordered(out, FIRST_PARTY) == out
