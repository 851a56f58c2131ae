"""IR + config -> the typed contexts the templates render. No Python source is assembled here:
only names (from `naming.py`), annotations (from `annotations.py`) and data for the templates.

`ContextBuilder.build` returns the `PackageModel`; `render.outputs` hands each template the one
context class of `ctx_templates` that names what that template may use."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.config import Config
from codegen.emit.ctx_client import ClientContext, ResourceRef, class_names, client_context
from codegen.emit.ctx_errors import ErrorAlias, ErrorClass, error_plan
from codegen.emit.ctx_pages import PageContext, pages
from codegen.emit.ctx_plan import Planner
from codegen.emit.ctx_resources import ResourceContext, ResourceModules
from codegen.emit.ctx_templates import PackageInfo, ReadmeWarning
from codegen.emit.ctx_types import TypeModule, TypeModules
from codegen.emit.doors import config_identifier
from codegen.emit.examples import SnippetFormatter, format_snippet
from codegen.emit.naming import BUILTINS
from codegen.ir import Diagnostic, Resource, Spec


@dataclass(frozen=True)
class PackageModel:
    """Everything the emitter built for one package; each template gets its own slice."""

    package: str
    pkg: PackageInfo
    client: ClientContext
    errors: list[ErrorClass]
    error_aliases: list[ErrorAlias]
    pages: list[PageContext]
    type_modules: list[TypeModule]
    resources: list[ResourceContext]
    warnings: list[ReadmeWarning]


class ContextBuilder:
    """Plans names, then builds each output's context in an order that keeps the first error
    and the warnings deterministic: types, resources, client, errors, package name, pages."""

    def __init__(
        self, spec: Spec, config: Config, format_snippet: SnippetFormatter = format_snippet
    ) -> None:
        self.planner = Planner(spec, config)
        self.format_snippet = format_snippet

    @property
    def resources(self) -> list[Resource]:
        """The emitted resources (copies: the IR's are never changed)."""
        return self.planner.resources

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the emitter renamed or could not model, with the spec location."""
        return self.planner.diagnostics

    def build(self, warnings: list[ReadmeWarning]) -> PackageModel:
        """`warnings`: the spec's warnings that bear on this package, for its README."""
        planner, config = self.planner, self.planner.config
        planner.plan_names()
        types = TypeModules(planner).build()
        resources = ResourceModules(planner, self.format_snippet).build()
        names = class_names(planner.spec, config)
        roots = [
            ResourceRef(r.path, r.module, r.sync_class, r.async_class)
            for r in resources
            if "." not in r.path
        ]
        client = client_context(planner.spec, config, names, roots)
        errors, error_aliases = error_plan(planner, names)
        package = config_identifier(
            config.package,
            "package",
            config.section,
            frozenset(BUILTINS),
            config.where.get("package"),
        )
        return PackageModel(
            package=package,
            pkg=PackageInfo(package, config.distribution, config.version),
            client=client,
            errors=errors,
            error_aliases=error_aliases,
            pages=pages(planner),
            type_modules=types,
            resources=resources,
            warnings=warnings,
        )


__all__ = ["ContextBuilder", "PackageModel"]
