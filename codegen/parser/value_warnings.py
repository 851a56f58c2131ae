"""The warnings a method prints for some param values (`DEPRECATED_MODELS`), joined across files:
the `.js` of the method names a table (`data_1.DEPRECATED_MODELS`), which this module follows
through `require`s and re-exports to the object literal that holds it."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from codegen.diagnostics import Diagnostics
from codegen.ir import Location, Method, Resource, ValueWarning, WarnPart
from codegen.parser.js import JsMethod, JsModule

_HOPS = 8


def find_table(
    js: Mapping[str, JsModule], module: str, dotted: str
) -> tuple[str, list[tuple[str, str]]] | None:
    """The name and entries of the string table `dotted` names in `module`'s `.js`, else None."""
    name = dotted
    for _ in range(_HOPS):
        facts = js.get(module)
        if facts is None:
            return None
        if "." in name:
            local, _, member = name.partition(".")
            target = dict(facts.requires).get(local)
            if target is None or "." in member:
                return None
            module, name = _joined(module, target), member
            continue
        tables = dict(facts.tables)
        if name in tables:
            return name, list(tables[name])
        again = next((r for r in facts.reexports if r[0] == name), None)
        if again is None:
            return None
        name = f"{again[1]}.{again[2]}"
    return None


def _joined(module: str, target: str) -> str:
    """`resources/messages/messages` + `../../internal/data.js` -> `internal/data`."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(module), target))
    return path[: -len(".js")] if path.endswith(".js") else path


def add_warnings(
    js: Mapping[str, JsModule],
    resource: Resource,
    js_methods: Mapping[str, JsMethod] | None,
    diags: Diagnostics,
) -> None:
    """Fill `request.warnings` of each method of `resource` whose `.js` warns."""
    for method in resource.methods:
        js_method = (js_methods or {}).get(method.name)
        if method.request is None or js_method is None or not js_method.warnings:
            continue
        loc = Location(method.loc.file.replace(".d.ts", ".js"), 0, 0)
        method.request.warnings = value_warnings(js, resource, method, js_method, loc, diags)


def value_warnings(
    js: Mapping[str, JsModule],
    resource: Resource,
    method: Method,
    js_method: JsMethod | None,
    loc: Location,
    diags: Diagnostics,
) -> list[ValueWarning]:
    """The method's warnings as IR; one the model cannot follow is a diagnostic, never guessed.
    `loc`: the method's `.js` file (each warning's own line and column are used)."""
    out: list[ValueWarning] = []
    wires = {p.wire_name or p.name for p in method.params}
    module, where = resource.module, f"{resource.name}.{method.name}"
    for w in js_method.warnings if js_method is not None else ():
        at = Location(loc.file, w.pos.line, w.pos.col)
        found = find_table(js, module, w.table)
        unread = [kind for kind, _ in w.parts if kind not in ("text", "value", "entry")]
        if found is None or w.param not in wires or unread:
            why = (
                f"its table '{w.table}' is not a string table found in the spec's .js files"
                if found is None
                else f"'{w.param}' is no param of the method"
                if w.param not in wires
                else "its message has a substitution that is not read"
            )
            diags.warn(
                "warning-unread",
                f"{where}: the .js warns for some values of '{w.param}', but {why}; the "
                "method does not warn",
                at,
            )
            continue
        name, entries = found
        message = [WarnPart(kind, text) for kind, text in w.parts]  # type: ignore[arg-type]
        deprecation = "deprecat" in name.lower()
        out.append(
            ValueWarning(w.param, name, entries, message, "deprecation" if deprecation else "user")
        )
    return out
