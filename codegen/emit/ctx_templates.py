"""The context each template receives: one frozen dataclass per kind of output, whose fields are
the names the template may use. `template_vars` is the only way a context reaches Jinja, so a
reader of a template finds what it may use here, and mypy checks it up to the template."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from codegen.emit.ctx_client import ClientContext
from codegen.emit.ctx_errors import ErrorAlias, ErrorClass, StatusClass
from codegen.emit.ctx_pages import PageContext
from codegen.emit.ctx_resources import ResourceContext
from codegen.emit.ctx_types import TypeModule, TypePackage


@dataclass(frozen=True)
class PackageInfo:
    """The package's import name, distribution name and version."""

    name: str
    distribution: str
    version: str


@dataclass(frozen=True)
class ReadmeWarning:
    """A spec warning the package's README lists: `file:line:col`, message and code."""

    where: str
    message: str
    code: str


@dataclass(frozen=True)
class PackageContext:
    """`dist/*` (README, pyproject), `package/__init__`, `resources/__init__`."""

    package: str
    pkg: PackageInfo
    client: ClientContext
    errors: list[ErrorClass]
    error_aliases: list[ErrorAlias]
    resources: list[ResourceContext]
    type_modules: list[TypeModule]
    warnings: list[ReadmeWarning]


@dataclass(frozen=True)
class RuntimeContext:
    """Every `package/_*.py.j2` (`_client`, `_version`, `_paths`) and the runtime files
    (`codegen/runtime/*.py`, whose `templates/runtime/*.j2` regions read `client.log_env`,
    `client.error_root`, `pages`, `errors` and `error_aliases`)."""

    package: str
    pkg: PackageInfo
    client: ClientContext
    pages: list[PageContext]
    errors: list[ErrorClass]
    error_aliases: list[ErrorAlias]


@dataclass(frozen=True)
class TypeModuleContext:
    """`types/<module>.py`."""

    module: TypeModule


@dataclass(frozen=True)
class TypePackageContext:
    """`types/<package>/__init__.py`."""

    package: TypePackage


@dataclass(frozen=True)
class ResourceModuleContext:
    """`resources/<path>.py`: the resource, the error root it raises, the page classes."""

    client: ClientContext
    pages: list[PageContext]
    resource: ResourceContext


@dataclass(frozen=True)
class TestsContext:
    """The package's static tests (`tests/*.py.j2` but the per-resource one)."""

    package: str
    client: ClientContext
    pages: list[PageContext]
    errors: list[ErrorClass]
    # what each status the fault tests try must raise
    status_classes: list[StatusClass]


@dataclass(frozen=True)
class ResourceTestContext:
    """`tests/test_<resource>.py`: one resource's methods over real HTTP."""

    package: str
    client: ClientContext
    resource: ResourceContext


TemplateContext = (
    PackageContext
    | RuntimeContext
    | TypeModuleContext
    | TypePackageContext
    | ResourceModuleContext
    | TestsContext
    | ResourceTestContext
)

TEMPLATE_CONTEXTS: tuple[type[TemplateContext], ...] = (
    PackageContext,
    RuntimeContext,
    TypeModuleContext,
    TypePackageContext,
    ResourceModuleContext,
    TestsContext,
    ResourceTestContext,
)


def template_vars(ctx: TemplateContext) -> dict[str, object]:
    """The context's fields as the template's top-level names (shallow: values stay typed)."""
    if not isinstance(ctx, TEMPLATE_CONTEXTS):
        raise TypeError(f"not a template context: {type(ctx).__name__}")
    return {f.name: getattr(ctx, f.name) for f in dataclasses.fields(ctx)}
