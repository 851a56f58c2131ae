"""Parser entry point: spec files -> `Spec` (the IR). See `parse_spec`."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    Declaration,
    Interface,
    Location,
    PageClass,
    Ref,
    Resource,
    SourceFile,
    Spec,
    SubResource,
    TypeRef,
)
from codegen.naming_wire import snake_case
from codegen.parser import attach, defaults
from codegen.parser.dts import ModuleScan, module_path, scan_module
from codegen.parser.js import JsModule, read_js
from codegen.parser.jsdoc import parse_jsdoc
from codegen.parser.recover import Recovery
from codegen.parser.resolve import Resolver, SymbolTable
from codegen.parser.resources import ResourceBuilder, RouteConfig, learn_header_names
from codegen.parser.scan_cache import ScanCache
from codegen.parser.sdk import client_info, error_classes, page_classes
from codegen.parser.source import DTS_SUFFIX, SourceText, find_spec_files, parse_checked
from codegen.parser.types import PLAIN_LEAVES, PLAIN_UNIONS
from codegen.parser.unions import mark_discriminators
from codegen.parser.value_warnings import add_warnings
from codegen.stats import Stats

__all__ = ["RouteConfig", "parse_spec"]


SpecSources = tuple[list[SourceText], dict[str, SourceText]]


def parse_spec(
    root: Path,
    routes: RouteConfig | None = None,
    *,
    include: Sequence[str] | None = None,
    sources: SpecSources | None = None,
    cache: ScanCache | None = None,
    stats: Stats | None = None,
    long_lived: bool = False,
) -> Spec:
    """Read every `.d.ts` under `root` (and `.js` siblings) into the IR. Raises SpecError.

    `include` selects among the files under `root` (see `find_spec_files`); `sources` are those
    files already read. With `cache`, each file's own parse is taken from (or stored in) the
    parsed-file cache; everything across files is always redone. `stats` gets the parse (per
    file) and IR (across files) times and the cache counts. `long_lived`: the caller keeps the
    IR until the process ends (the `codegen` command), see `_gc_paused`.
    """
    with _gc_paused(freeze=long_lived):
        return _parse_spec(root, routes, include, sources, cache, stats or Stats())


@contextmanager
def _gc_paused(freeze: bool) -> Iterator[None]:
    """The IR holds no reference cycles: cyclic GC passes over the growing heap cost about a
    fifth of a large parse and free nothing, so they wait until the IR is built.

    Re-enabled, the collector's first pass still walks every object made meanwhile (~0.1 s for
    the 250k objects of the whole SDK's IR). With `freeze`, for a process that keeps the IR to
    the end, those objects are moved out of its reach instead (`gc.freeze`); reference counting
    still frees them whenever they are dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()


def _parse_spec(
    root: Path,
    routes: RouteConfig | None,
    include: Sequence[str] | None,
    sources: SpecSources | None,
    cache: ScanCache | None,
    stats: Stats,
) -> Spec:
    started = time.perf_counter()
    diags = Diagnostics()
    parse_jsdoc.cache_clear()  # per spec, so a benchmark's repeated runs stay cold
    PLAIN_UNIONS.clear()  # (the same)
    PLAIN_LEAVES.clear()
    module_path.cache_clear()
    snake_case.cache_clear()
    dts, js_sources = sources if sources is not None else find_spec_files(root, include)
    hits_before = cache.hits if cache else 0
    scans, js = _scan_files(dts, js_sources, diags, cache)
    stats.spec_files += len(dts) + len(js_sources)
    stats.spec_hits += cache.hits - hits_before if cache else 0
    parsed = time.perf_counter()
    stats.parse += parsed - started
    spec = _cross_file(root, dts, js_sources, scans, js, diags, routes)
    stats.ir += time.perf_counter() - parsed
    return spec


def _scan_files(
    dts: list[SourceText],
    js_sources: dict[str, SourceText],
    diags: Diagnostics,
    cache: ScanCache | None,
) -> tuple[dict[str, ModuleScan], dict[str, JsModule]]:
    """The per-file half: each `.d.ts` parsed, scanned and recovered, each `.js` read. A cached
    file replays the diagnostics it produced, in place, so the output is the same either way."""
    given = {source.module for source in dts}
    given_key = ScanCache.given_digest(given) if cache else ""
    scans: dict[str, ModuleScan] = {}
    for source in dts:
        hit = cache.load_scan(source, given_key) if cache else None
        if hit is not None:
            scan, produced = hit
            diags.items.extend(produced)
        else:
            first = len(diags.items)
            tree = parse_checked(source, diags)
            scan = scan_module(source, tree.root_node, diags, given)
            Recovery(scan, diags).run()
            if cache:
                cache.save_scan(source, given_key, scan, diags.items[first:])
        scans[source.module] = scan
    js: dict[str, JsModule] = {}
    for module, src in sorted(js_sources.items()):
        facts = cache.load_js(src) if cache else None
        if facts is None:
            facts = read_js(src.data, src.display)
            if cache:
                cache.save_js(src, facts)
        js[module] = facts
    return scans, js


def _cross_file(
    root: Path,
    dts: list[SourceText],
    js_sources: dict[str, SourceText],
    scans: dict[str, ModuleScan],
    js: dict[str, JsModule],
    diags: Diagnostics,
    routes: RouteConfig | None,
) -> Spec:
    table = SymbolTable.build(scans)
    _fill_page_params(table, diags)
    resolver = Resolver(table, diags)
    for decl in list(table.decls.values()):
        resolver.declaration(decl)
    classes = [c for scan in scans.values() for c in scan.classes]
    resources_found = attach.resource_ids(table)
    for cid in sorted(resources_found):
        resolver.klass(table.classes[cid])
    for _cid, klass in sorted(table.classes.items()):
        if klass.module.endswith("pagination") and not klass.is_abstract:
            resolver.klass(klass)
    pages = page_classes(
        classes, js, table.decls, diags, {m: s.display for m, s in js_sources.items()}
    )
    attachments = attach.attachments(table, resources_found)

    builder = ResourceBuilder(table.decls, diags, routes or RouteConfig())
    resources: list[Resource] = []
    for cid, path in sorted(
        attach.resource_paths(table, resources_found, attachments, diags).items()
    ):
        klass = attach.effective_class(table, cid)
        js_methods = attach.js_methods(table, cid, js)
        resource = builder.build(klass, path, js_methods)
        add_warnings(js, resource, js_methods, diags)
        resource.subresources = [
            SubResource(attr, f"{path}.{attr}") for attr, _child in attachments.get(cid, [])
        ]
        resources.append(resource)
    learn_header_names(resources, diags)
    pages = _drop_unmodelled_pages(pages, resources, diags)

    known_pages = {p.name for p in pages}
    for resource in resources:
        for method in resource.methods:
            page = method.response.page
            if method.response.kind == "page" and page and page not in known_pages:
                if page == defaults.STANDARD_PAGE:
                    pages.append(defaults.standard_page(resource.module, method.loc))
                    known_pages.add(page)
                    diags.warn(
                        "default-page",
                        f"page class '{page}' not given; using the documented default for the SDK's standard Page",
                        method.loc,
                    )

    errors = error_classes(classes, js)
    if not errors and dts:
        loc = Location(dts[0].display, 1, 1)
        errors = defaults.standard_errors(loc)
        diags.warn(
            "default-errors",
            "no status error classes given; using the SDK's standard set (400-429, 5xx)",
            loc,
        )

    _auth_diagnostics(js, js_sources, diags)
    decls = dict(sorted(table.decls.items()))
    mark_discriminators(_all_types(decls, resources), decls)
    client_attrs = {
        table.classes[c].name: a for c, a in attachments.items() if c not in resources_found
    }
    # (a file's path under the root is its module and suffix, as `find_spec_files` cut it)
    files = [SourceFile(f"{s.module}{DTS_SUFFIX}", s.sha256) for s in dts]
    files += [SourceFile(f"{s.module}.js", s.sha256) for s in js_sources.values()]
    return Spec(
        files=sorted(files, key=lambda f: f.path),
        resources=sorted(resources, key=lambda r: r.path),
        declarations=decls,
        client=client_info(classes, client_attrs, js),
        errors=errors,
        pages=sorted(pages, key=lambda p: p.id),
        diagnostics=diags.sorted(),
    )


def _drop_unmodelled_pages(
    pages: list[PageClass], resources: list[Resource], diags: Diagnostics
) -> list[PageClass]:
    """A page whose items are neither one of its own fields nor one field down a generic
    interface over its item (cloudflare's `ContainersInstancesV1Pagination`: `result.instances`
    of `result: ContainersInstancesV1PaginationResponse.Result<Item>` is modelled) cannot be
    modelled: that page and the methods returning it are left out, each a warning, and the rest
    of the SDK is generated."""
    used = {m.response.page for r in resources for m in r.methods if m.response.kind == "page"}
    unmodelled = {
        p.name: p
        for p in pages
        if p.name in used
        and p.item_field not in {f.name for f in p.fields}
        and p.items_container is None
    }
    for page in unmodelled.values():
        diags.warn(
            "page-items-unmodelled",
            f"page class '{page.name}': its items are at '{page.item_field}', which is neither "
            "one of its own fields nor a list of its item one field down (in an interface "
            "generic over the item); the methods returning it are skipped",
            page.loc,
        )
    for resource in resources:
        for method in list(resource.methods):
            if method.response.kind == "page" and method.response.page in unmodelled:
                resource.methods.remove(method)
                resource.skipped_methods.append(method.name)
                diags.warn(
                    "page-items-unmodelled",
                    f"{resource.name}.{method.name} returns page '{method.response.page}', whose "
                    "items are not modelled; method skipped",
                    method.loc,
                )
    return [p for p in pages if p.name not in unmodelled]  # (an unused one is never emitted)


def _auth_diagnostics(
    js: dict[str, JsModule], js_sources: dict[str, SourceText], diags: Diagnostics
) -> None:
    """What of the client's `authHeaders()` the model leaves out, said where it is (not of a
    runtime base class another module's client extends: `core.js`'s `APIClient`)."""
    extended = {(c.base or "").split(".")[-1] for facts in js.values() for c in facts.classes}
    for module, facts in sorted(js.items()):
        client = facts.client
        if client is None or client.auth_pos is None:
            continue
        if set(client.handlers) <= extended and any(
            m != module and f.client is not None for m, f in js.items()
        ):
            continue
        loc = Location(js_sources[module].display, client.auth_pos.line, client.auth_pos.col)
        if client.base_url is None and not client.environments:
            diags.warn(
                "base-url-unread",
                "client.js sets no literal default base URL in a form that is read (named "
                "environments, a conditional); the configured default_base_url is used",
                Location(js_sources[module].display, 1, 1),
            )
        if not client.auth:
            diags.warn(
                "auth-unread",
                "authHeaders() sets no header from a client option in a form that is read; "
                "the configured auth_header is used",
                loc,
            )
        elif client.auth_other:
            diags.info(
                "auth-runtime",
                f"authHeaders() has {client.auth_other} other branch(es) (credentials resolved "
                "at run time, such as a key function or a token cache); only the option schemes "
                f"{', '.join(a[0] for a in client.auth)} are generated",
                loc,
            )


def _fill_page_params(table: SymbolTable, diags: Diagnostics) -> None:
    """`extends PageParams` with pagination not given: the documented default fills the gap."""
    for decl in list(table.decls.values()):
        if not isinstance(decl, Interface):
            continue
        for base in decl.extends:
            if not isinstance(base, Ref) or base.text != defaults.STANDARD_PAGE_PARAMS:
                continue
            if table.lookup(decl.module, base.text, "") is not None:
                continue
            filled = defaults.page_params(decl.module, decl.loc)
            table.decls[filled.id] = filled
            table.names.setdefault(decl.module, {})[filled.name] = filled.id
            diags.warn(
                "default-page-params",
                f"'{base.text}' not given; filled with the documented default for the SDK's "
                "standard Page (limit, before_id, after_id)",
                decl.loc,
            )


def _all_types(decls: dict[str, Declaration], resources: list[Resource]) -> list[TypeRef]:
    types: list[TypeRef] = []
    for decl in decls.values():
        if isinstance(decl, Interface):
            types.extend(f.type for f in decl.fields)
        else:
            types.append(decl.type)
    for resource in resources:
        for method in resource.methods:
            types.extend(p.type for p in method.params)
            if method.response.type is not None:
                types.append(method.response.type)
    return types
