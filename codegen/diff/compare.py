"""Two IRs in, the list of rule-named changes out (see `rules` for the levels).

Resources match by client path, methods by name, params and fields by wire name, models by
qualified TypeScript name (their module may move), errors and pages by class name. Only what
the selected resources reach is compared: that is what the generated package contains.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from codegen.diff import renames
from codegen.diff import types as ty
from codegen.diff.direction import (
    INPUT,
    OUTPUT,
    combine,
    directions,
    fields_of,
    selected,
)
from codegen.diff.rules import Change
from codegen.diff.typechange import type_changes
from codegen.ir import (
    Alias,
    ClientInfo,
    Declaration,
    Field_,
    Interface,
    IntersectionType,
    Location,
    Method,
    PageClass,
    Param,
    Ref,
    Resource,
    Spec,
    TypeRef,
    UnionType,
)


def _loc(loc: Location | None) -> str:
    return f"{loc.file}:{loc.line}" if loc is not None else ""


def _models(spec: Spec, dirs: dict[str, str], skip: set[str]) -> dict[str, Declaration]:
    """Reached declarations by qualified name (by id where two modules share one); `skip`:
    the methods' params interfaces, whose changes are reported as param changes."""
    by_name: dict[str, list[str]] = {}
    for decl_id in sorted(dirs.keys() - skip):
        by_name.setdefault(decl_id.split("#", 1)[1], []).append(decl_id)
    out: dict[str, Declaration] = {}
    for name, ids in by_name.items():
        for decl_id in ids:
            out[name if len(ids) == 1 else decl_id] = spec.declarations[decl_id]
    return out


class Comparison:
    def __init__(self, old: Spec, new: Spec, resources: Sequence[str]) -> None:
        self.old, self.new = old, new
        self.old_resources = {r.path: r for r in selected(old, resources)}
        self.new_resources = {r.path: r for r in selected(new, resources)}
        self.old_dirs = directions(old, list(self.old_resources.values()))
        self.new_dirs = directions(new, list(self.new_resources.values()))
        self.changes: list[Change] = []

    def run(self) -> list[Change]:
        self.old_models = _models(
            self.old,
            self.old_dirs,
            _params_types(self.old, self.old_resources.values()),
        )
        self.new_models = _models(
            self.new,
            self.new_dirs,
            _params_types(self.new, self.new_resources.values()),
        )
        # one declaration keyed differently on the two sides (its name became ambiguous on
        # one side, so it is keyed by id there): the new side's key
        key_of = {d.id: k for k, d in self.new_models.items()}
        self.old_models = {
            key_of.get(d.id, k) if key_of.get(d.id, k) not in self.old_models else k: d
            for k, d in self.old_models.items()
        }
        self.renamed: dict[str, str] = {}
        for _ in range(6):  # a rename can make the shapes of its users equal in turn
            gone = {
                k: d
                for k, d in self.old_models.items()
                if k not in self.new_models and k not in self.renamed
            }
            added = {
                k: d for k, d in self.new_models.items() if k not in self.old_models
            }
            found = renames.find(self.old, self.new, gone, added)
            if not found:
                found = renames.find(self.old, self.new, gone, added, renames.outline)
            if not found:
                break
            self.renamed.update(found)
            ids = {
                self.old_models[o].id: self.new_models[n].id for o, n in found.items()
            }
            renames.retarget(self.old, ids)
            for old_id, new_id in ids.items():
                self.old.declarations.setdefault(new_id, self.old.declarations[old_id])
        self.resources()
        self.models()
        self.pages()
        self.errors()
        self.client(self.old.client, self.new.client)
        return self.changes

    def add(
        self, rule: str, where: str, detail: str, loc: str = "", direction: str = ""
    ) -> None:
        self.changes.append(Change(rule, where, detail, loc, direction))

    # -- resources, methods, params -------------------------------------------------------
    def resources(self) -> None:
        old, new = self.old_resources, self.new_resources
        for path in sorted(old.keys() | new.keys()):
            if path not in new:
                self.add("resource-removed", path, "removed", _loc(old[path].loc))
            elif path not in old:
                n = len(new[path].methods)
                self.add(
                    "resource-added", path, f"added ({n} methods)", _loc(new[path].loc)
                )
            else:
                self.methods(path, old[path].methods, new[path].methods)

    def methods(self, path: str, old: list[Method], new: list[Method]) -> None:
        before, after = {m.name: m for m in old}, {m.name: m for m in new}
        for name in sorted(before.keys() | after.keys()):
            where = f"{path}.{name}"
            if name not in after:
                self.add("method-removed", where, "removed", _loc(before[name].loc))
            elif name not in before:
                self.add("method-added", where, "added", _loc(after[name].loc))
            else:
                self.method(where, before[name], after[name])

    def method(self, where: str, old: Method, new: Method) -> None:
        loc = _loc(new.loc)
        if old.doc.deprecated is None and new.doc.deprecated is not None:
            self.add(
                "method-deprecated", where, new.doc.deprecated or "deprecated", loc
            )
        if (
            old.route
            and new.route
            and (old.route.verb, old.route.path)
            != (
                new.route.verb,
                new.route.path,
            )
        ):
            detail = f"{old.route.verb} {old.route.path} -> {new.route.verb} {new.route.path}"
            self.add("route-changed", where, detail, loc)
        self.params(where, old.params, new.params, loc)
        self.response(where, old, new, loc)

    def params(self, where: str, old: list[Param], new: list[Param], loc: str) -> None:
        before, after = {p.name: p for p in old}, {p.name: p for p in new}
        removed = [before[n] for n in before if n not in after]
        added = [after[n] for n in after if n not in before]

        def alike(a: Param, b: Param) -> bool:
            return (ty.text(a.type), a.required, a.location) == (
                ty.text(b.type),
                b.required,
                b.location,
            )

        for gone in list(removed):  # a rename: one removed and one added param, alike
            twins = [p for p in added if alike(p, gone)]
            if len(twins) == 1 and sum(alike(twins[0], r) for r in removed) == 1:
                removed.remove(gone)
                added.remove(twins[0])
                self.add(
                    "param-renamed",
                    f"{where}({gone.name})",
                    f"-> {twins[0].name}",
                    loc,
                    INPUT,
                )
        for p in removed:
            self.add(
                "param-removed", f"{where}({p.name})", "removed", _loc(p.loc), INPUT
            )
        for p in added:
            rule = "param-added-required" if p.required else "param-added-optional"
            self.add(
                rule,
                f"{where}({p.name})",
                f"{p.name}: {ty.text(p.type)}",
                _loc(p.loc),
                INPUT,
            )
        for name in [n for n in before if n in after]:
            self.param(f"{where}({name})", before[name], after[name])

    def param(self, where: str, old: Param, new: Param) -> None:
        loc = _loc(new.loc)
        if old.required != new.required:
            rule = "param-now-required" if new.required else "param-now-optional"
            self.add(
                rule, where, "required" if new.required else "optional", loc, INPUT
            )
        if old.positional != new.positional:
            what = "positional" if new.positional else "keyword-only"
            self.add("param-positional-changed", where, f"now {what}", loc, INPUT)
        if (old.location, old.wire_name) != (new.location, new.wire_name):
            detail = f"{old.location} {old.wire_name or old.name} -> {new.location} {new.wire_name or new.name}"
            self.add("param-moved", where, detail, loc, INPUT)
        if old.doc.deprecated is None and new.doc.deprecated is not None:
            self.add(
                "param-deprecated",
                where,
                new.doc.deprecated or "deprecated",
                loc,
                INPUT,
            )
        self.changes.extend(type_changes(where, old.type, new.type, INPUT, loc, self))

    def response(self, where: str, old: Method, new: Method, loc: str) -> None:
        a, b = old.response, new.response
        if a.kind != b.kind:
            self.add(
                "return-kind-changed",
                f"{where}()",
                f"{a.kind} -> {b.kind}",
                loc,
                OUTPUT,
            )
            return
        if a.page != b.page:
            detail = f"{_page_name(a.page)} -> {_page_name(b.page)}"
            extended = page_extends(self.old, self.new, a.page, b.page)
            rule = "page-class-extended" if extended else "page-class-changed"
            self.add(rule, f"{where}()", detail, loc, OUTPUT)
        if a.type is not None and b.type is not None:
            self.changes.extend(
                type_changes(f"{where}()", a.type, b.type, OUTPUT, loc, self)
            )
        elif (a.type is None) != (b.type is None):
            detail = f"{ty.text(a.type)} -> {ty.text(b.type)}"
            self.add("type-changed", f"{where}()", detail, loc, OUTPUT)
        if a.stream_item is None and b.stream_item is not None:
            self.add(
                "stream-added",
                f"{where}(stream=True)",
                ty.text(b.stream_item),
                loc,
                OUTPUT,
            )
        elif a.stream_item is not None and b.stream_item is None:
            self.add("stream-removed", f"{where}(stream=True)", "removed", loc, OUTPUT)
        elif a.stream_item is not None and b.stream_item is not None:
            self.changes.extend(
                type_changes(
                    f"{where}(stream=True)",
                    a.stream_item,
                    b.stream_item,
                    OUTPUT,
                    loc,
                    self,
                )
            )

    def object_fields(self, t: TypeRef, old: bool) -> dict[str, Field_] | None:
        decls = (self.old if old else self.new).declarations
        if not isinstance(t, Ref) or t.target not in decls:
            return None
        return fields_of(decls, decls[t.target])

    def expand(self, t: TypeRef, old: bool) -> TypeRef:
        decls = (self.old if old else self.new).declarations
        decl = decls.get(t.target) if isinstance(t, Ref) and t.target else None
        if (
            isinstance(decl, Alias)
            and not decl.type_params
            and fields_of(decls, decl) is None
        ):
            return decl.type
        return t

    # -- models and fields -----------------------------------------------------------------
    def models(self) -> None:
        old, new = self.old_models, self.new_models
        for name, to in sorted(self.renamed.items()):
            decl = new[to]
            self.add(
                "model-renamed",
                name,
                f"-> {to}",
                _loc(decl.loc),
                self.new_dirs[decl.id],
            )
        for to in sorted(
            set(self.renamed.values())
        ):  # what else changed (an outline match)
            first = min(n for n, t in self.renamed.items() if t == to)
            self.model(to, old[first], new[to], moved=False)
        done = set(self.renamed) | set(self.renamed.values())
        for name in sorted((old.keys() | new.keys()) - done):
            if name not in new:
                decl = old[name]
                self.add(
                    "model-removed",
                    name,
                    "removed",
                    _loc(decl.loc),
                    self.old_dirs[decl.id],
                )
            elif name not in old:
                decl = new[name]
                self.add(
                    "model-added", name, "added", _loc(decl.loc), self.new_dirs[decl.id]
                )
            else:
                self.model(name, old[name], new[name])

    def model(
        self, name: str, old: Declaration, new: Declaration, moved: bool = True
    ) -> None:
        direction = combine(self.old_dirs.get(old.id), self.new_dirs.get(new.id))
        loc = _loc(new.loc)
        if moved and old.module != new.module:
            self.add(
                "model-moved", name, f"{old.module} -> {new.module}", loc, direction
            )
        old_fields = fields_of(self.old.declarations, old)
        new_fields = fields_of(self.new.declarations, new)
        if old_fields is not None and new_fields is not None:
            self.changes.extend(
                self.fields(name, old_fields, new_fields, direction, loc)
            )
        elif isinstance(old, Alias) and isinstance(new, Alias):
            self.changes.extend(
                type_changes(name, old.type, new.type, direction, loc, self)
            )
        else:
            detail = f"{old.kind} -> {new.kind}"
            rule = "type-changed-both" if direction == "both" else "type-changed"
            self.add(rule, name, detail, loc, direction)

    def fields(
        self,
        where: str,
        old: dict[str, Field_],
        new: dict[str, Field_],
        direction: str,
        loc: str,
    ) -> list[Change]:
        out: list[Change] = []
        writes = direction in (INPUT, "both")
        for name in sorted(old.keys() | new.keys(), key=lambda n: (n not in old, n)):
            path = f"{where}.{name}"
            if name not in new:
                out.append(
                    Change(
                        "field-removed", path, "removed", _loc(old[name].loc), direction
                    )
                )
            elif name not in old:
                f = new[name]
                if direction == OUTPUT:
                    rule = "field-added-output"
                else:
                    rule = (
                        "field-added-optional-input"
                        if f.optional
                        else "field-added-required-input"
                    )
                detail = f"{name}{'?' if f.optional else ''}: {ty.text(f.type)}"
                out.append(Change(rule, path, detail, _loc(f.loc), direction))
            else:
                out.extend(self.field(path, old[name], new[name], direction, writes))
        return out

    def field(
        self, path: str, old: Field_, new: Field_, direction: str, writes: bool
    ) -> list[Change]:
        out: list[Change] = []
        loc = _loc(new.loc)
        if old.optional != new.optional:
            if new.optional:
                rule = (
                    "field-now-optional-output"
                    if direction != INPUT
                    else "field-now-optional-input"
                )
            else:
                rule = (
                    "field-now-required-input"
                    if writes
                    else "field-now-required-output"
                )
            out.append(
                Change(
                    rule,
                    path,
                    "optional" if new.optional else "required",
                    loc,
                    direction,
                )
            )
        if old.doc.deprecated is None and new.doc.deprecated is not None:
            out.append(
                Change(
                    "field-deprecated",
                    path,
                    new.doc.deprecated or "deprecated",
                    loc,
                    direction,
                )
            )
        out.extend(type_changes(path, old.type, new.type, direction, loc, self))
        return out

    # -- pages, errors, client ---------------------------------------------------------------
    def pages(self) -> None:
        used_old = {
            m.response.page for r in self.old_resources.values() for m in r.methods
        }
        used_new = {
            m.response.page for r in self.new_resources.values() for m in r.methods
        }
        old = {p.name: p for p in self.old.pages if {p.id, p.name} & used_old}
        new = {p.name: p for p in self.new.pages if {p.id, p.name} & used_new}
        for name in sorted(old.keys() & new.keys()):
            a, b = old[name], new[name]
            fa, fb = {f.name: f for f in a.fields}, {f.name: f for f in b.fields}
            for f in sorted(fa.keys() - fb.keys()):
                self.add(
                    "page-field-removed", f"{name}.{f}", "removed", _loc(b.loc), OUTPUT
                )
            for f in sorted(fb.keys() - fa.keys()):
                self.add(
                    "page-field-added", f"{name}.{f}", "added", _loc(b.loc), OUTPUT
                )
            rule_a, rule_b = _page_rule(a), _page_rule(b)
            if rule_a != rule_b:
                self.add(
                    "page-rule-changed", name, f"{rule_a} -> {rule_b}", _loc(b.loc)
                )

    def errors(self) -> None:
        old = {e.name: e for e in self.old.errors}
        new = {e.name: e for e in self.new.errors}
        for name in sorted(old.keys() | new.keys()):
            if name not in new:
                self.add("error-removed", name, "removed", _loc(old[name].loc))
            elif name not in old:
                self.add(
                    "error-added",
                    name,
                    f"status {new[name].status}",
                    _loc(new[name].loc),
                )
            else:
                a, b = old[name], new[name]
                if (a.status, a.match, a.parent) != (b.status, b.match, b.parent):
                    detail = f"{a.status} {a.match} ({a.parent}) -> {b.status} {b.match} ({b.parent})"
                    self.add("error-changed", name, detail, _loc(b.loc))

    def client(self, a: ClientInfo, b: ClientInfo) -> None:
        for key in ("api_key_env", "base_url_env"):
            if getattr(a, key) != getattr(b, key):
                self.add(
                    "client-env-changed",
                    f"client.{key}",
                    f"{getattr(a, key)} -> {getattr(b, key)}",
                )
        for key in (
            "base_url",
            "auth_header",
            "version_header",
            "max_retries",
            "timeout_ms",
        ):
            if getattr(a, key) != getattr(b, key):
                self.add(
                    "client-default-changed",
                    f"client.{key}",
                    f"{getattr(a, key)} -> {getattr(b, key)}",
                )


def _page_rule(page: PageClass) -> tuple[object, ...]:
    """What decides the next page: the item field, the has-more flag and each cursor."""
    cursors = [(c.param, c.field, c.when_query_has) for c in page.cursors]
    return (page.item_field, page.has_more_field, cursors)


def page_extends(
    old_spec: Spec, new_spec: Spec, old: str | None, new: str | None
) -> bool:
    """The new page class has every field of the old one, and the same item field."""
    a = next((p for p in old_spec.pages if old in (p.id, p.name)), None)
    b = next((p for p in new_spec.pages if new in (p.id, p.name)), None)
    if a is None or b is None or a.item_field != b.item_field:
        return False
    fields = {f.name: ty.text(f.type) for f in b.fields}
    return all(fields.get(f.name) == ty.text(f.type) for f in a.fields)


def _params_types(spec: Spec, resources: Iterable[Resource]) -> set[str]:
    """The methods' params declarations: the `params_type` and what it is made of (an alias's
    union or intersection members, an interface's bases), whose fields are the params.
    """
    out: set[str] = set()
    stack: list[TypeRef] = [
        m.params_type for r in resources for m in r.methods if m.params_type
    ]
    while stack:
        t = stack.pop()
        if isinstance(t, (UnionType, IntersectionType)):
            stack.extend(t.members)
        elif isinstance(t, Ref) and t.target and t.target not in out:
            decl = spec.declarations.get(t.target)
            if decl is not None:
                out.add(t.target)
                stack.extend(
                    decl.extends if isinstance(decl, Interface) else [decl.type]
                )
    return out


def _page_name(page: str | None) -> str:
    return page.split("#", 1)[1] if page and "#" in page else str(page)


def compare(old: Spec, new: Spec, resources: Sequence[str] = ()) -> list[Change]:
    """Every change from `old` to `new` within the selected resources (empty: all)."""
    return Comparison(old, new, resources).run()
