"""Renders the package: one template per output concept, then black, all in memory."""

from __future__ import annotations

import dataclasses
import multiprocessing
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import black
import jinja2
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from codegen.cache import BlobStore, sha256_hex, version_of
from codegen.emit import code as code_module
from codegen.emit import runtime_files
from codegen.emit.annotations import python_literal
from codegen.emit.code import (
    BrokenOutput,
    Code,
    UnsafeOutput,
    checked_output,
    code_concat,
    comment_text,
    compile_check,
    docstring_text,
    markdown_code,
    markdown_text,
    toml_string,
)
from codegen.emit.context import PackageModel
from codegen.emit.ctx_errors import status_classes
from codegen.emit.ctx_templates import (
    PackageContext,
    ResourceModuleContext,
    ResourceTestContext,
    RuntimeContext,
    TemplateContext,
    TestsContext,
    TypeModuleContext,
    TypePackageContext,
    template_vars,
)
from codegen.emit.ctx_types import type_packages
from codegen.emit.imports import pruned
from codegen.emit.templates import loader, template_names
from codegen.stats import Stats

BLACK_MODE = Mode(line_length=100, target_versions={TargetVersion.PY311})

PER_RESOURCE_TEST = "test_resource.py.j2"


class TemplateOutputError(BrokenOutput):
    """A template rendered text black cannot parse: a bug in a template, never in the spec."""

    def __init__(self, template: str, path: str, reason: str, text: str) -> None:
        first = reason.strip().splitlines()[0] if reason.strip() else "cannot format"
        super().__init__(f"template {template} rendered invalid Python for {path}: {first}")
        self.text = text


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in a `BlobStore` (checksummed: a damaged entry is recompiled). Jinja
    checks the template's source and its own version against what the entry was compiled from;
    the key also names the environment's code (its `finalize` and filters are compiled in), so a
    template compiled by another codegen never skips the output checks."""

    def __init__(self, store: BlobStore) -> None:
        self.store = store
        self.salt = sha256_hex(Path(__file__).read_bytes(), Path(code_module.__file__).read_bytes())

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(sha256_hex("jinja", self.salt, bucket.key))
        if data is not None:
            try:
                bucket.bytecode_from_string(data)
            except Exception:
                bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store.put(sha256_hex("jinja", self.salt, bucket.key), bucket.bytecode_to_string())


class CodeEnvironment(jinja2.Environment):
    """Templates whose every output goes through one of two doors (see `codegen.emit.code`):
    `finalize` checks each `{{ ... }}`, and what macros and blocks render counts as checked."""

    concat = staticmethod(code_concat)


# Filters that would let a raw value through (`safe`), or give JSON where Python is wanted.
_REMOVED_FILTERS = ("safe", "forceescape", "tojson", "urlize", "xmlattr", "escape", "e")


def environment(
    templates: Path | None = None, bytecode_cache: BlobStore | None = None
) -> jinja2.Environment:
    """`templates`: a folder overlaying the built-in templates file by file (None: built-in)."""
    env = CodeEnvironment(
        loader=loader(templates),
        bytecode_cache=TemplateCache(bytecode_cache) if bytecode_cache is not None else None,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=checked_output,
    )
    for name in _REMOVED_FILTERS:
        env.filters.pop(name, None)
    env.filters["pystr"] = lambda value: Code(python_literal(value))
    env.filters["docstring"] = docstring_text
    env.filters["pybytes"] = lambda value: Code(repr(str(value).encode()))
    env.filters["comment"] = comment_text
    env.filters["tomlstr"] = toml_string
    env.filters["mdtext"] = markdown_text
    env.filters["mdcode"] = markdown_code
    return env


def outputs(model: PackageModel, env: jinja2.Environment) -> list[tuple[str, str, TemplateContext]]:
    """(template, output path, context) for every file of the package.

    The runtime (`codegen/runtime/*.py`, see `runtime_files`; a `package/_*.py.j2` template of
    the same name wins) and the static tests (`tests/*.py.j2`) go into every package; the other
    templates render once per module or resource.
    """
    pkg = model.pkg.name
    package = PackageContext(
        model.package,
        model.pkg,
        model.client,
        model.errors,
        model.error_aliases,
        model.resources,
        model.type_modules,
        model.warnings,
    )
    items: list[tuple[str, str, TemplateContext]] = [
        ("dist/pyproject.toml.j2", "pyproject.toml", package),
        ("dist/README.md.j2", "README.md", package),
        ("dist/py.typed.j2", f"{pkg}/py.typed", package),
        ("package/__init__.py.j2", f"{pkg}/__init__.py", package),
        ("package/resources_init.py.j2", f"{pkg}/resources/__init__.py", package),
    ]
    runtime_ctx = RuntimeContext(
        model.package, model.pkg, model.client, model.pages, model.errors, model.error_aliases
    )
    names = template_names(env)
    listed = {template for template, _, _ in items}  # `package/__init__` starts with `_` too
    for runtime in names:
        base = runtime.removeprefix("package/")
        if runtime in listed:
            continue
        if base != runtime and base.startswith("_") and base.endswith(".py.j2") and "/" not in base:
            items.append((runtime, f"{pkg}/{base[:-3]}", runtime_ctx))
    templated = {path for _, path, _ in items}
    for name in runtime_files.runtime_sources():
        if f"{pkg}/{name}" not in templated:
            items.append((runtime_files.PREFIX + name, f"{pkg}/{name}", runtime_ctx))
    for module in model.type_modules:
        items.append(
            (
                "package/types_module.py.j2",
                f"{pkg}/types/{module.path}",
                TypeModuleContext(module),
            )
        )
    for type_package in type_packages(model.type_modules):
        items.append(
            (
                "package/types_init.py.j2",
                f"{pkg}/types/{type_package.path}",
                TypePackageContext(type_package),
            )
        )
    for resource in model.resources:
        items.append(
            (
                "package/resource.py.j2",
                f"{pkg}/resources/{resource.file}",
                ResourceModuleContext(model.client, model.pages, resource),
            )
        )
    tests = TestsContext(
        model.package, model.client, model.pages, model.errors, status_classes(model.errors)
    )
    for test in names:
        base = test.removeprefix("tests/")
        if base != test and "/" not in base and base != PER_RESOURCE_TEST:
            items.append((test, f"tests/{base[:-3]}", tests))
    for resource in model.resources:
        if resource.methods:
            name = resource.path.replace(".", "_")
            items.append(
                (
                    f"tests/{PER_RESOURCE_TEST}",
                    f"tests/test_{name}.py",
                    ResourceTestContext(model.package, model.client, resource),
                )
            )
    return items


def _own_part(ctx: TemplateContext) -> object:
    """The part of a context only its file has (a type module, a resource), or None."""
    if isinstance(ctx, TypeModuleContext):
        return ctx.module
    if isinstance(ctx, (ResourceModuleContext, ResourceTestContext)):
        return ctx.resource
    return None


def render_package(
    model: PackageModel,
    templates: Path | None,
    *,
    format_cache: BlobStore | None = None,
    bytecode_cache: BlobStore | None = None,
    jobs: int = 1,
    stats: Stats | None = None,
    progress: Progress | None = None,
) -> dict[str, str]:
    """Every output file's text, formatted, keyed by its path relative to the output folder.

    With `format_cache`, black's output is looked up by the hash of its input (and black's
    version and mode) first; with `bytecode_cache`, compiled templates are kept there.
    The files black has to format are spread over `jobs` processes when there is enough of them.
    `stats` gets the render and format times and the cache counts.
    """
    stats = stats if stats is not None else Stats()
    env = environment(templates, bytecode_cache)
    rendered: list[tuple[str, str, str]] = []
    known = spec_locations(model)
    first_party = (model.package, "tests")
    locations: dict[str, dict[str, str]] = {}
    for template, path, ctx in outputs(model, env):
        started = time.perf_counter()
        try:
            if template.startswith(runtime_files.PREFIX):
                name = template.removeprefix(runtime_files.PREFIX)
                text = runtime_files.runtime_text(env, name, template_vars(ctx))
            else:
                text = str(env.get_template(template).render(template_vars(ctx)))
        except UnsafeOutput as exc:
            raise UnsafeOutput(
                f"{_template_line(exc, template)}: {exc} (rendering {path})"
            ) from None
        if path.endswith(".py"):
            text = pruned(text, format_cache, first_party)
        stats.render += time.perf_counter() - started
        rendered.append((template, path, text))
        locations[path] = {**known, **spec_locations(_own_part(ctx))}
    started = time.perf_counter()
    formatter = Formatter(format_cache, stats)
    formatted = formatter.format_all([r for r in rendered if r[1].endswith(".py")], jobs, progress)
    stats.format += time.perf_counter() - started
    files = dict(sorted((path, formatted.get(path, text)) for _, path, text in rendered))
    started = time.perf_counter()
    salt = f"compiles {sys.version}"
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        key = sha256_hex(salt, text)
        if format_cache is not None and format_cache.get(key) is not None:
            continue
        compile_check(path, text, locations[path])
        if format_cache is not None:
            format_cache.put(key, b"ok")
    stats.format += time.perf_counter() - started
    return files


def spec_locations(value: object) -> dict[str, str]:
    """Python name -> spec location, from every context object that has both (`name`, `loc`)."""
    found: dict[str, str] = {}
    stack = [value]
    while stack:
        item = stack.pop()
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            name, loc = getattr(item, "name", None), getattr(item, "loc", None)
            if isinstance(name, str) and isinstance(loc, str):
                found.setdefault(name, loc)
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, dict):
            name, loc = item.get("name"), item.get("loc")
            if isinstance(name, str) and isinstance(loc, str):
                found.setdefault(name, loc)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _template_line(exc: BaseException, template: str) -> str:
    """`templates/x.py.j2:LINE` of the innermost template frame of `exc`'s traceback."""
    where = template
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = f"{name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _black(text: str) -> tuple[str | None, str | None]:
    """(formatted, None) or (None, why black refused it); a top-level function for the pool."""
    try:
        return black.format_str(text, mode=BLACK_MODE), None
    except InvalidInput as exc:
        return None, str(exc)


# Below this much unformatted text, starting processes costs more than it saves.
PARALLEL_MIN_CHARS = 100_000


Progress = Callable[[int, int], None]
"""Called with (files done, files to do) as black finishes each file."""


def black_many(
    texts: list[str], jobs: int, progress: Progress | None = None
) -> list[tuple[str | None, str | None]]:
    """`_black` over `texts`, in `jobs` processes when worth it (largest first); same results."""
    report = progress or (lambda done, total: None)
    if jobs > 1 and len(texts) > 1 and sum(map(len, texts)) >= PARALLEL_MIN_CHARS:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        methods = multiprocessing.get_all_start_methods()
        mp = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        try:
            with ProcessPoolExecutor(min(jobs, len(texts)), mp_context=mp) as pool:
                done = []
                for result in pool.map(_black, [texts[i] for i in order], chunksize=1):
                    done.append(result)
                    report(len(done), len(texts))
        except (OSError, BrokenProcessPool):
            pass  # no processes to be had: format here
        else:
            results: list[tuple[str | None, str | None]] = [(None, None)] * len(texts)
            for i, result in zip(order, done, strict=True):
                results[i] = result
            return results
    out = []
    for text in texts:
        out.append(_black(text))
        report(len(out), len(texts))
    return out


class Formatter:
    """black, behind the formatted-output cache (keyed by black's input, version and mode).

    No file's text names the spec as a whole (the manifest keeps the digests), so a file whose
    own content did not change is a cache hit after any spec change.
    """

    def __init__(self, cache: BlobStore | None, stats: Stats) -> None:
        self.cache = cache
        self.stats = stats
        self.salt = " ".join(("black", version_of("black"), BLACK_MODE.get_cache_key()))

    def format(self, text: str, template: str, path: str) -> str:
        return self.format_all([(template, path, text)], 1)[path]

    def format_all(
        self, items: list[tuple[str, str, str]], jobs: int, progress: Progress | None = None
    ) -> dict[str, str]:
        """(template, path, text) -> {path: formatted}; black runs once per distinct miss."""
        results: dict[str, str] = {}
        misses: dict[str, list[tuple[str, str]]] = {}
        for template, path, text in items:
            self.stats.formatted += 1
            hit = self._lookup(text)
            if hit is not None:
                self.stats.format_hits += 1
                results[path] = hit
            else:
                misses.setdefault(text, []).append((template, path))
        bases = list(misses)
        failed: dict[str, tuple[str, str]] = {}
        for base, (formatted, error) in zip(bases, black_many(bases, jobs, progress), strict=True):
            for template, path in misses[base]:
                if formatted is None:
                    failed[path] = (template, error or "cannot format")
                else:
                    results[path] = formatted
            if formatted is not None and self.cache is not None:
                self.cache.put_text(sha256_hex(self.salt, base), formatted)
        for _template, path, text in items:  # the first failure in output order
            if path in failed:
                raise TemplateOutputError(failed[path][0], path, failed[path][1], text)
        return results

    def _lookup(self, base: str) -> str | None:
        if self.cache is None:
            return None
        return self.cache.get_text(sha256_hex(self.salt, base))
