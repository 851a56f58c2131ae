"""The emitter's template contexts: each template gets one typed, frozen context (never a
`dict[str, Any]`), building them leaves the IR as the parser made it, and the modules that
build them stay small."""

from __future__ import annotations

import ast
import copy
import dataclasses
import typing
from pathlib import Path
from typing import Any

import jinja2
import pytest

from codegen.config import load_config
from codegen.emit import ctx_templates
from codegen.emit import render as render_module
from codegen.emit.context import ContextBuilder, PackageModel
from codegen.emit.ctx_templates import TEMPLATE_CONTEXTS
from codegen.ir import Spec
from codegen.parser import RouteConfig, parse_spec

REPO = Path(__file__).resolve().parent.parent
EMIT = REPO / "codegen" / "emit"


def _spec_and_model() -> tuple[Spec, Spec, PackageModel]:
    config = load_config(REPO / "pyproject.toml", {})
    spec = parse_spec(config.spec, RouteConfig(prefix=config.route_prefix))
    before = copy.deepcopy(spec)
    return before, spec, ContextBuilder(spec, config).build([])


def test_building_the_contexts_leaves_the_ir_unchanged() -> None:
    before, after, model = _spec_and_model()
    assert model.resources and after == before


def test_every_render_gets_a_typed_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each output's context is one of the template context classes, frozen, and reaches Jinja
    only through `template_vars` (render is never called with anything else)."""
    _, _, model = _spec_and_model()

    class Vars(dict[str, object]):
        pass

    seen: list[type] = []

    def tagged(ctx: ctx_templates.TemplateContext) -> dict[str, object]:
        seen.append(type(ctx))
        return Vars(ctx_templates.template_vars(ctx))

    original = jinja2.Template.render

    def render(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        assert not kwargs and len(args) == 1 and isinstance(args[0], Vars), self.name
        return original(self, *args)

    def unformatted(
        self: render_module.Formatter, items: list[tuple[str, str, str]], *_: object
    ) -> dict[str, str]:
        return {path: text for _, path, text in items}  # black is not what this test is about

    monkeypatch.setattr(render_module.Formatter, "format_all", unformatted)
    monkeypatch.setattr(render_module, "template_vars", tagged)
    monkeypatch.setattr(jinja2.Template, "render", render)
    env = render_module.environment(None)
    items = render_module.outputs(model, env)
    for _, _, ctx in items:
        assert isinstance(ctx, TEMPLATE_CONTEXTS)
        assert _frozen(type(ctx))
    files = render_module.render_package(model, None)
    assert len(seen) == len(items) == len(files)
    assert set(seen) == set(TEMPLATE_CONTEXTS)
    with pytest.raises(TypeError):
        ctx_templates.template_vars({"client": model.client})  # type: ignore[arg-type]


def _frozen(cls: type) -> bool:
    return dataclasses.is_dataclass(cls) and bool(vars(cls)["__dataclass_params__"].frozen)


def _hints(cls: type, seen: set[type]) -> list[tuple[str, object]]:
    """(owner.field, annotation) of every field reachable from the dataclass `cls`."""
    if cls in seen:
        return []
    seen.add(cls)
    found: list[tuple[str, object]] = []
    for name, hint in typing.get_type_hints(cls).items():
        found.append((f"{cls.__name__}.{name}", hint))
        stack = [hint]
        while stack:
            t = stack.pop()
            stack.extend(typing.get_args(t))
            if isinstance(t, type) and dataclasses.is_dataclass(t):
                found.extend(_hints(t, seen))
    return found


def test_context_fields_are_typed_all_the_way_down() -> None:
    """No field of any template context, however deep, is `Any` (a `dict[str, Any]` included),
    and every class a context holds is a frozen dataclass."""
    seen: set[type] = set()
    hints = [h for cls in TEMPLATE_CONTEXTS for h in _hints(cls, seen)]
    assert len(hints) > 100
    for where, hint in hints:
        stack = [hint]
        while stack:
            t = stack.pop()
            assert t is not Any, where
            stack.extend(typing.get_args(t))
    for cls in seen:
        assert _frozen(cls), cls


def test_emit_modules_and_classes_stay_small() -> None:
    for path in sorted(EMIT.glob("*.py")):
        text = path.read_text()
        assert text.count("\n") <= 500, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                assert size <= 300, f"{path.name}: class {node.name} has {size} lines"
