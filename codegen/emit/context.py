"""IR + config -> the contexts the templates render. No Python source is assembled here:
only names (from `naming.py`), annotations (from `annotations.py`) and data for the templates."""

from __future__ import annotations

from typing import Any

from codegen.config import Config
from codegen.emit.ctx_client import ResourceRef, class_names, client_context
from codegen.emit.ctx_errors import error_plan
from codegen.emit.ctx_pages import pages
from codegen.emit.ctx_plan import Planner
from codegen.emit.ctx_resources import ResourceModules
from codegen.emit.ctx_types import TypeModules
from codegen.emit.doors import config_identifier
from codegen.emit.examples import (
    SnippetFormatter,
    example_value,
    format_snippet,
)
from codegen.emit.naming import (
    BUILTINS,
)
from codegen.ir import (
    Doc,
    Spec,
)


class ContextBuilder(Planner):
    def __init__(
        self, spec: Spec, config: Config, format_snippet: SnippetFormatter = format_snippet
    ) -> None:
        super().__init__(spec, config)
        self.format_snippet = format_snippet

    # -- whole-package context -------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        self.plan_names()
        types = TypeModules(self).build()
        resources = ResourceModules(self, self.format_snippet).build()
        roots = [
            ResourceRef(r.path, r.module, r.sync_class, r.async_class)
            for r in resources
            if "." not in r.path
        ]
        names = class_names(self.spec, self.config)
        client = client_context(self.spec, self.config, names, roots)
        errors, error_aliases = error_plan(self, names)
        package = config_identifier(
            self.config.package,
            "package",
            self.config.section,
            frozenset(BUILTINS),
            self.config.where.get("package"),
        )
        return {
            "package": package,
            "pkg": {
                "name": package,
                "distribution": self.config.distribution,
                "version": self.config.version,
            },
            "client": client,
            "errors": errors,
            "error_aliases": error_aliases,
            "pages": pages(self),
            "type_modules": types,
            "resources": resources,
            "exports": sorted(name for m in types for name in m.exports),
            "samples": self.samples(),
        }

    def samples(self) -> dict[str, Any]:
        """Example JSON for every response model and union member, for the generated tests."""
        samples: dict[str, Any] = {}
        for resource in self.resources:
            for method in resource.methods:
                if method.response.type is not None:
                    key = f"{resource.path}.{method.name}"
                    samples[key] = example_value(
                        method.response.type, self.decls, "", variants=True
                    )
        return samples


__all__ = ["ContextBuilder", "Doc"]
