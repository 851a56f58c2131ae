"""How the real runtime files reach a package (codegen/emit/runtime_files.py): regions and
placeholders filled from templates/runtime/, mistakes in either refused, an overlay template
still winning, and the in-place samples equal to what the batch target generates."""

from __future__ import annotations

import re
from pathlib import Path

import black
import pytest
from conftest import REPO

from codegen.config import load_config
from codegen.emit import runtime_files
from codegen.emit.code import BrokenOutput, UnsafeOutput
from codegen.emit.context import ContextBuilder
from codegen.emit.import_order import ordered
from codegen.emit.render import BLACK_MODE, environment, outputs
from codegen.emit.runtime_files import runtime_sources, runtime_text
from codegen.emit.templates import templates_digest
from codegen.parser import RouteConfig, parse_spec

GENERATED = REPO / "generated" / "anthropic_batches"
HEADER = (REPO / "templates" / "header.j2").read_text()
# The batch target's values for the runtime's placeholder and its log variable's sample name.
BATCH = {"PackageError": "AnthropicError", "PACKAGE_LOG": "ANTHROPIC_LOG"}
# Regions of code only some page rules need, which the batch target's pages do not.
DROPPED = ("next_page_unknown", "cursor_helpers", "field_path_helper")


def test_runtime_is_the_real_files_and_no_template_shadows_them() -> None:
    names = set(runtime_sources())
    assert names == {p.name for p in (REPO / "codegen/runtime").glob("*.py")} - {"__init__.py"}
    assert not {f"package/{n}.j2" for n in names} & {
        p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*.j2")
    }


@pytest.mark.parametrize("name", sorted(runtime_sources()))
def test_in_place_samples_are_the_batch_targets_output(name: str) -> None:
    """Markers dropped and placeholders given the batch values, each runtime file is exactly
    what `generated/` holds: the unit tests run the code the batch package ships."""
    text = runtime_sources()[name]
    for region in DROPPED:
        text = re.sub(
            rf"^# codegen:begin {region}\n.*?^# codegen:end {region}\n", "", text, flags=re.M | re.S
        )
    text = re.sub(r"^[ \t]*# codegen:(begin|end) \w+\n", "", text, flags=re.M)
    for word, value in BATCH.items():
        text = re.sub(rf"\b{word}\b", value, text)
    expected = (GENERATED / name).read_text()
    # the output's `__all__` is sorted once the names are the package's (import_order)
    assert HEADER + black.format_str(ordered(text, ()), mode=BLACK_MODE) == expected


def _overlay(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "overlay" / name
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return tmp_path / "overlay"


def test_placeholder_must_render_an_identifier(tmp_path: Path) -> None:
    region = "{% macro error_names(original) %}{% endmacro %}"
    region += "{% macro error_classes(original) %}{% endmacro %}"
    bad = region + "{% macro PackageError() %}A-B{% endmacro %}"
    env = environment(_overlay(tmp_path, "runtime/_exceptions.py.j2", bad))
    with pytest.raises(UnsafeOutput, match="PackageError must be an identifier"):
        runtime_text(env, "_exceptions.py", {})
    typo = region + "{% macro PackageErorr() %}A{% endmacro %}"
    env = environment(_overlay(tmp_path / "2", "runtime/_exceptions.py.j2", typo))
    with pytest.raises(BrokenOutput, match="placeholder PackageErorr does not occur"):
        runtime_text(env, "_exceptions.py", {})


def test_every_region_needs_its_macro(tmp_path: Path) -> None:
    env = environment(_overlay(tmp_path, "runtime/_exceptions.py.j2", "{# nothing #}\n"))
    with pytest.raises(BrokenOutput, match="no macro for region error_names"):
        runtime_text(env, "_exceptions.py", {})


def test_a_region_macro_can_keep_the_in_place_code(tmp_path: Path) -> None:
    keep = "{% macro {0}(original) %}{{ original }}{% endmacro %}\n"
    macros = "".join(keep.replace("{0}", n) for n in ("error_names", "error_classes"))
    macros += "{% macro PackageError() %}MyError{% endmacro %}\n"
    env = environment(_overlay(tmp_path, "runtime/_exceptions.py.j2", macros))
    text = runtime_text(env, "_exceptions.py", {})
    assert text.startswith(HEADER)
    assert "class MyError(Exception):" in text and "PackageError" not in text
    assert "class OverloadedError(InternalServerError):" in text
    assert "codegen:" not in text


def test_an_overlay_package_template_replaces_a_runtime_file(tmp_path: Path) -> None:
    env = environment(_overlay(tmp_path, "package/_streaming.py.j2", "X = 1\n"))
    config = load_config(REPO / "pyproject.toml", {})
    spec = parse_spec(config.spec, RouteConfig(prefix=config.route_prefix))
    model = ContextBuilder(spec, config).build([])
    items = {path: template for template, path, _ in outputs(model, env)}
    pkg = model.pkg.name
    assert items[f"{pkg}/_streaming.py"] == "package/_streaming.py.j2"
    assert items[f"{pkg}/_models.py"] == runtime_files.PREFIX + "_models.py"


def test_templates_digest_covers_the_runtime_files(monkeypatch: pytest.MonkeyPatch) -> None:
    env = environment(None)
    before = templates_digest(env)
    changed = {**runtime_sources(), "_models.py": "X = 1\n"}
    monkeypatch.setattr(runtime_files, "runtime_sources", lambda: changed)
    assert templates_digest(env) != before
