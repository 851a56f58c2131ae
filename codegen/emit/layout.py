"""Where each spec type lives in the generated package: the Stainless Python layout, derived
from the spec's own file tree and names (no table of types).

The `.d.ts` tree mirrors the Python one. A resource file `resources/<path>.d.ts` (a resource's
own index `messages/messages` counts as `messages`) puts its types in the package of the
resource's parent: `resources/messages/batches.d.ts` -> `types/messages/`,
`resources/messages/messages.d.ts` -> `types/`, `resources/beta/messages/batches.d.ts` ->
`types/beta/messages/`. A file that defines no resource (`resources/shared.d.ts`) is a package
of its own: `types/shared/`. Each top-level type gets one module named for it
(`MessageBatch` -> `message_batch.py`); a type nested in a namespace (`BatchCreateParams.Request`)
lives in its outer type's module under its inner name (`Request`), and so does a params type's
companion declared beside it (`MessageCreateParamsStreaming` -> `message_create_params.py`).
Aliases of page classes are not types (the pages live in `pagination`), nor is a params type
whose every param goes to the path or a header (the method takes them as plain arguments, and
no request body or query is typed). Each package's `__init__` re-exports the top-level names of
its modules.

Pure: `plan(spec)` reads declaration ids, names, modules and alias targets, and each method's
params type and param locations.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field

from codegen.ir import Alias, Ref, Spec

TYPES = "types"


@dataclass(frozen=True)
class Placement:
    """A declaration's home: dotted module path from the package root, and its name there."""

    module: str
    name: str


@dataclass
class Layout:
    placements: dict[str, Placement] = field(default_factory=dict)  # declaration id -> home
    # package (dotted) -> (module, name) pairs its `__init__` re-exports, sorted
    exports: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # a namespace alias that only re-exports a declaration with the same home
    # (`MessageCreateParams.MessageCreateParamsStreaming`) -> that declaration: define it once
    same_as: dict[str, str] = field(default_factory=dict)
    # modules that are also a package (a type `Beta` in `beta/beta.d.ts` beside `types/beta/`):
    # the emitter must report these, as a file and a folder cannot share the name
    clashes: list[str] = field(default_factory=list)

    def module_of(self, decl_id: str) -> str | None:
        home = self.placements.get(decl_id)
        return home.module if home else None


_RUN = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|$)")


def acronyms(names: set[str]) -> set[str]:
    """The capital runs the spec's names use as words (`URL` in `BetaURLImageSource`)."""
    return {m.group() for name in names for m in _RUN.finditer(name)}


def _split_run(run: str, known: Set[str], whole: str) -> list[str] | None:
    """`URLMCP` -> [URL, MCP] when each part is a known acronym other than the whole run."""
    if not run:
        return []
    for cut in range(len(run), 1, -1):
        head = run[:cut]
        if head in known and head != whole:
            rest = _split_run(run[cut:], known, whole)
            if rest is not None:
                return [head, *rest]
    return None


def file_stem(type_name: str, known: Set[str] = frozenset()) -> str:
    """`BetaAPIError` -> `beta_api_error`, `Base64PDFSource` -> `base64_pdf_source`,
    `CodeExecutionTool20250522` -> `code_execution_tool_20250522` (a date-like run of four or
    more digits is its own word; a short one, as in `Base64`, stays with its letters). With the
    spec's `known` acronyms, a capital run made of them splits (`URLMCPServer` ->
    `url_mcp_server`), and one that is a known acronym plus a letter gives the letter to the
    next word (`MCPOAuth` -> `mcp_oauth`)."""

    def words(m: re.Match[str]) -> str:
        run, tail = m.group(1), m.group(2)
        parts = _split_run(run, known, run)
        if parts is None and run[:-1] in known:
            parts, tail = [run[:-1]], run[-1] + tail
        return "_" + "_".join(parts or [run]).lower() + "_" + tail.lower() + "_"

    s = re.sub(r"([A-Z]{2,})([A-Z][a-z]+)", words, type_name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"([A-Za-z])(\d{4,})", r"\1_\2", s)
    return re.sub(r"[^0-9A-Za-z]+", "_", s).strip("_").lower()


def segment(part: str) -> str:
    """A spec path segment as a Python package name: `claude-code` -> `claude_code`."""
    return re.sub(r"\W", "_", part, flags=re.ASCII).lower()


def resource_parts(spec_module: str) -> list[str] | None:
    """`resources/messages/messages` -> [messages]; None outside `resources/`."""
    parts = spec_module.split("/")
    if len(parts) < 2 or parts[0] != "resources":
        return None
    parts = [p for p in parts[1:] if p != "index"]
    if len(parts) >= 2 and parts[-1] == parts[-2]:
        parts = parts[:-1]
    return parts


def types_package(spec_module: str, resource_modules: set[str]) -> str | None:
    """The dotted package a spec file's types go to, or None when the file holds no types."""
    parts = resource_parts(spec_module)
    if parts is None or not parts:
        return None
    own = parts if spec_module not in resource_modules else parts[:-1]
    return ".".join([TYPES, *(segment(p) for p in own)])


def _is_page_alias(decl: object, page_ids: set[str]) -> bool:
    return isinstance(decl, Alias) and isinstance(decl.type, Ref) and decl.type.target in page_ids


def _owner(name: str, file_names: set[str]) -> tuple[str, str]:
    """(outer type whose module holds `name`, the name inside that module)."""
    outer, _, inner = name.partition(".")
    if inner:
        return outer, inner.replace(".", "")
    for cut in range(len(outer) - 1, 0, -1):
        base = outer[:cut]
        if base.endswith("Params") and base in file_names:
            return base, outer
    return outer, outer


def untyped_params(spec: Spec) -> set[str]:
    """Ids of params types that no method sends as a body or query."""
    plain: set[str] = set()
    typed: set[str] = set()
    for resource in spec.resources:
        for method in resource.methods:
            target = method.params_type.target if isinstance(method.params_type, Ref) else None
            if target:
                sent = any(p.location in ("body", "query") for p in method.params)
                (typed if sent else plain).add(target)
    return plain - typed


def plan(spec: Spec) -> Layout:
    """The module and name of every type declaration of `spec`, and each package's exports."""
    resource_modules = {r.module for r in spec.resources}
    untyped = untyped_params(spec)
    page_ids = {p.id for p in spec.pages}
    names_by_file: dict[str, set[str]] = {}
    for decl in spec.declarations.values():
        names_by_file.setdefault(decl.module, set()).add(decl.name)
    known = acronyms({part for d in spec.declarations.values() for part in d.name.split(".")})
    layout = Layout()
    exported: dict[str, set[tuple[str, str]]] = {}
    for decl_id in sorted(spec.declarations):
        decl = spec.declarations[decl_id]
        package = types_package(decl.module, resource_modules)
        outer_id = f"{decl.module}#{decl.name.partition('.')[0]}"
        if package is None or _is_page_alias(decl, page_ids) or outer_id in untyped:
            continue
        outer, name = _owner(decl.name, names_by_file[decl.module])
        module = f"{package}.{file_stem(outer, known)}"
        layout.placements[decl_id] = Placement(module, name)
        if "." not in decl.name:
            exported.setdefault(package, set()).add((module, name))
            parts = package.split(".")
            for i in range(1, len(parts)):  # every parent package exists, exports or not
                exported.setdefault(".".join(parts[:i]), set())
    layout.exports = {pkg: sorted(pairs) for pkg, pairs in sorted(exported.items())}
    modules = {home.module for home in layout.placements.values()}
    layout.clashes = sorted(modules & set(layout.exports))
    for decl_id, home in layout.placements.items():
        decl = spec.declarations[decl_id]
        if isinstance(decl, Alias) and isinstance(decl.type, Ref) and decl.type.target:
            if decl.type.target != decl_id and layout.placements.get(decl.type.target) == home:
                layout.same_as[decl_id] = decl.type.target
    return layout
