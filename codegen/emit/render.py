"""Renders the package: one template per output concept, then black, all in memory."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import black
import jinja2
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from codegen.cache import BlobStore, sha256_hex, version_of
from codegen.emit.annotations import python_literal
from codegen.stats import Stats

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


def render_package(
    ctx: dict[str, Any],
    templates: Path,
    *,
    format_cache: BlobStore | None = None,
    stats: Stats | None = None,
) -> dict[str, str]:
    """Every output file's text, formatted, keyed by its path relative to the output folder.

    With `format_cache`, black's output is looked up by the hash of its input (and black's
    version and mode) first. `stats` gets the render and format times and the cache counts.
    """
    stats = stats if stats is not None else Stats()
    digest = ctx.get("spec", {}).get("digest") if isinstance(ctx.get("spec"), dict) else None
    formatter = Formatter(format_cache, stats, digest if isinstance(digest, str) else None)
    env = environment(templates)
    files: dict[str, str] = {}
    for template, path, extra in outputs(ctx, templates):
        started = time.perf_counter()
        text = env.get_template(template).render({**ctx, **extra})
        stats.render += time.perf_counter() - started
        if path.endswith(".py"):
            text = formatter.format(text, template, path)
        files[path] = text
    return dict(sorted(files.items()))


class Formatter:
    """black, in-process, behind the formatted-output cache.

    Every file's header names the digest of the whole spec, so any spec change would change every
    file's text. For the cache key (and for what black formats on a miss) that digest is
    replaced by a placeholder of the same length and put back afterwards: black treats two equal
    length hex words alike, so a file whose own content did not change stays a hit. (With the
    cache off, black formats the text as it is; the tests compare the two.)
    """

    PLACEHOLDER = "0" * 64

    def __init__(self, cache: BlobStore | None, stats: Stats, volatile: str | None = None) -> None:
        self.cache = cache
        self.stats = stats
        self.salt = " ".join(("black", version_of("black"), BLACK_MODE.get_cache_key()))
        ok = volatile is not None and len(volatile) == len(self.PLACEHOLDER) and volatile.isalnum()
        self.volatile = volatile if ok else None

    def format(self, text: str, template: str, path: str) -> str:
        started = time.perf_counter()
        try:
            return self._format(text, template, path)
        finally:
            self.stats.formatted += 1
            self.stats.format += time.perf_counter() - started

    def _format(self, text: str, template: str, path: str) -> str:
        if self.cache is None:
            return self._black(text, template, path)
        token = self.volatile if self.volatile and self.PLACEHOLDER not in text else None
        base = text.replace(token, self.PLACEHOLDER) if token else text
        key = sha256_hex(self.salt, base)
        formatted: str | None = None
        hit = self.cache.get(key)
        if hit is not None:
            try:
                formatted = hit.decode("utf-8")
                self.stats.format_hits += 1
            except UnicodeDecodeError:
                self.cache.discard(key)
        if formatted is None:
            formatted = self._black(base, template, path)
            self.cache.put(key, formatted.encode("utf-8"))
        return formatted.replace(self.PLACEHOLDER, token) if token else formatted

    @staticmethod
    def _black(text: str, template: str, path: str) -> str:
        try:
            return black.format_str(text, mode=BLACK_MODE)
        except InvalidInput as exc:
            raise TemplateOutputError(template, path, str(exc), text) from None
