"""Renders the package: one template per output concept, then black, all in memory."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import black
import jinja2
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from codegen.emit.annotations import python_literal

BLACK_MODE = Mode(line_length=100, target_versions={TargetVersion.PY311})

PER_RESOURCE_TEST = "test_resource.py.j2"


class TemplateOutputError(Exception):
    """A template rendered text black cannot parse: a bug in a template, never in the spec."""

    def __init__(self, template: str, path: str, reason: str, text: str) -> None:
        super().__init__(f"template {template} rendered invalid Python for {path}: {reason}")
        self.text = text


def docstring_text(text: str) -> str:
    """Spec text safe inside a triple-quoted docstring: it can never close the string."""
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    return escaped


def toml_string(value: str) -> str:
    return json.dumps(value)


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["pystr"] = python_literal
    env.filters["docstring"] = docstring_text
    env.filters["tomlstr"] = toml_string
    return env


def spec_digest(files: list[dict[str, str]]) -> str:
    joined = "\n".join(f"{f['path']} {f['sha256']}" for f in files)
    return hashlib.sha256(joined.encode()).hexdigest()


def outputs(ctx: dict[str, Any], templates: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(template, output path, extra context) for every file of the package.

    The runtime (`package/_*.py.j2`) and the static tests (`tests/*.py.j2`) are copied into every
    package as they are; the other templates render once per module or resource.
    """
    pkg = ctx["pkg"]["name"]
    items: list[tuple[str, str, dict[str, Any]]] = [
        ("dist/pyproject.toml.j2", "pyproject.toml", {}),
        ("dist/README.md.j2", "README.md", {}),
        ("dist/py.typed.j2", f"{pkg}/py.typed", {}),
        ("package/__init__.py.j2", f"{pkg}/__init__.py", {}),
        ("package/types_init.py.j2", f"{pkg}/types/__init__.py", {}),
        ("package/resources_init.py.j2", f"{pkg}/resources/__init__.py", {}),
    ]
    for runtime in sorted((templates / "package").glob("_*.py.j2")):
        items.append((f"package/{runtime.name}", f"{pkg}/{runtime.name[:-3]}", {}))
    for module in ctx["type_modules"]:
        items.append(
            ("package/types_module.py.j2", f"{pkg}/types/{module['name']}.py", {"module": module})
        )
    for resource in ctx["resources"]:
        items.append(
            (
                "package/resource.py.j2",
                f"{pkg}/resources/{resource['file']}",
                {"resource": resource},
            )
        )
    for test in sorted((templates / "tests").glob("*.j2")):
        if test.name != PER_RESOURCE_TEST:
            items.append((f"tests/{test.name}", f"tests/{test.name[:-3]}", {}))
    for resource in ctx["resources"]:
        if resource["methods"]:
            name = resource["path"].replace(".", "_")
            items.append(
                (f"tests/{PER_RESOURCE_TEST}", f"tests/test_{name}.py", {"resource": resource})
            )
    return items


def render_package(ctx: dict[str, Any], templates: Path) -> dict[str, str]:
    """Every output file's text, formatted, keyed by its path relative to the output folder."""
    env = environment(templates)
    files: dict[str, str] = {}
    for template, path, extra in outputs(ctx, templates):
        text = env.get_template(template).render({**ctx, **extra})
        if path.endswith(".py"):
            try:
                text = black.format_str(text, mode=BLACK_MODE)
            except InvalidInput as exc:
                raise TemplateOutputError(template, path, str(exc), text) from None
        files[path] = text
    return dict(sorted(files.items()))
