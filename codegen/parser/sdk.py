"""SDK facts beside the resources: the client class and its defaults, status errors, page classes."""

from __future__ import annotations

from typing import Any, cast

from codegen.diagnostics import Diagnostics
from codegen.ir import (
    ArrayType,
    AuthScheme,
    ClientInfo,
    Cursor,
    Declaration,
    ErrorClass,
    Interface,
    ItemsContainer,
    LiteralType,
    Location,
    PageClass,
    Ref,
    TypeParam,
)
from codegen.parser.dts import ClassDecl
from codegen.parser.js import JsModule, JsPageRule

_ERROR_ROOT = "APIError"
_PAGE_ROOT = "AbstractPage"


def base_name(klass: ClassDecl) -> str | None:
    """`resource_1.APIResource` -> `APIResource`."""
    return klass.base.split(".")[-1] if klass.base else None


def _descends(klass: ClassDecl, root: str, by_name: dict[str, ClassDecl]) -> bool:
    seen: set[str] = set()
    current: ClassDecl | None = klass
    while current is not None and current.name not in seen:
        seen.add(current.name)
        base = base_name(current)
        if base == root:
            return True
        current = by_name.get(base) if base else None
    return False


def error_classes(classes: list[ClassDecl], js: dict[str, JsModule]) -> list[ErrorClass]:
    """Status errors: subclasses of `APIError` with a status from `generate()` or `APIError<400>`."""
    by_name = {c.name: c for c in classes}
    statuses = {e.cls: e for module in js.values() for e in module.error_statuses}
    found = []
    for klass in classes:
        if not _descends(klass, _ERROR_ROOT, by_name):
            continue
        status: int | None = None
        match = "none"
        if klass.name in statuses:
            status, match = statuses[klass.name].status, statuses[klass.name].match
        elif klass.base_args and isinstance(klass.base_args[0], LiteralType):
            value = klass.base_args[0].value
            status, match = (value, "exact") if isinstance(value, int) else (None, "none")
        if status is not None:
            found.append(
                ErrorClass(
                    klass.name, status, cast(Any, match), "APIStatusError", klass.loc, klass.doc
                )
            )
    return found


def _inherited_rule(
    klass: ClassDecl,
    rules: dict[str, tuple[str, JsPageRule]],
    by_name: dict[str, ClassDecl],
) -> tuple[str | None, JsPageRule | None]:
    """The class's own rule, else its nearest base's (`class XPage extends CursorPage {}`)."""
    seen: set[str] = set()
    current: ClassDecl | None = klass
    while current is not None and current.name not in seen:
        if current.name in rules:
            return rules[current.name]
        seen.add(current.name)
        base = base_name(current)
        current = by_name.get(base) if base else None
    return None, None


def page_classes(
    classes: list[ClassDecl],
    js: dict[str, JsModule],
    decls: dict[str, Declaration],
    diags: Diagnostics | None = None,
    js_files: dict[str, str] | None = None,
) -> list[PageClass]:
    """Page classes with their next-page rule from their `.js`; a rule that is missing or not
    read is a warning (`js_files`: module -> file name, for its location)."""
    by_name = {c.name: c for c in classes}
    rules = {r.cls: (m, r) for m, module in js.items() for r in module.page_rules}
    pages = []
    for klass in classes:
        if klass.is_abstract or not _descends(klass, _PAGE_ROOT, by_name):
            continue
        module, rule = _inherited_rule(klass, rules, by_name)
        known = rule is not None and rule.readable
        if not known and diags is not None:
            where = klass.loc
            if rule is not None and module is not None and js_files and module in js_files:
                where = Location(js_files[module], rule.line, rule.col)
            what = "is not one codegen can read" if rule is not None else "was not found"
            diags.warn(
                "page-rule-unknown",
                f"page class '{klass.name}': its next-page rule {what}; its pages raise an "
                "error when asked for a next page instead of stopping after the first",
                where,
            )
        item_field = (
            rule.item_field
            if rule and rule.item_field
            else next(
                (
                    f.name
                    for f in klass.properties
                    if isinstance(f.type, ArrayType) and isinstance(f.type.item, TypeParam)
                ),
                "data",
            )
        )
        params_decl = decls.get(f"{klass.module}#{klass.name}Params")
        pages.append(
            PageClass(
                id=f"{klass.module}#{klass.name}",
                name=klass.name,
                item_field=item_field,
                fields=klass.properties,
                loc=klass.loc,
                params=params_decl.fields if isinstance(params_decl, Interface) else [],
                has_more_field=rule.has_more_field if rule else None,
                cursors=[
                    Cursor(c.param, c.field, c.when_query_has, c.source, c.start)  # type: ignore[arg-type]
                    for c in (rule.cursors if rule else ())
                ],
                doc=klass.doc,
                rule_known=known,
                items_container=_items_container(klass, item_field, decls),
            )
        )
    return pages


def _items_container(
    klass: ClassDecl, item_field: str, decls: dict[str, Declaration]
) -> ItemsContainer | None:
    """Items one field down (`this.result?.items`), where that page field is typed by a generic
    interface over the page's item (`result: V4PagePaginationResponse.Result<Item>` with
    `items?: Array<Item>`); None for anything else (the caller warns)."""
    head, _, rest = item_field.partition(".")
    prop = next((f for f in klass.properties if f.name == head), None)
    if not rest or "." in rest or prop is None or not isinstance(prop.type, Ref):
        return None
    decl = decls.get(prop.type.target or "")
    if (
        not isinstance(decl, Interface)
        or decl.extends
        or decl.index is not None
        or len(decl.type_params) != 1
        or len(prop.type.args) != 1
        or not isinstance(prop.type.args[0], TypeParam)
    ):
        return None
    items = next((f for f in decl.fields if f.name == rest), None)
    if (
        items is None
        or not isinstance(items.type, ArrayType)
        or items.type.item != TypeParam(decl.type_params[0])
    ):
        return None
    return ItemsContainer(head, rest, decl.name, decl.fields, decl.loc)


def _client_class(classes: list[ClassDecl], js: dict[str, JsModule]) -> str | None:
    """The one declared class of the client's `.js` file that no other of them extends."""
    names = {n for module in js.values() if module.client for n in module.client.class_names}
    chain = [c for c in classes if c.name in names]
    bases = {base_name(c) for c in chain}
    derived = sorted({c.name for c in chain if c.name not in bases})
    return derived[0] if len(derived) == 1 else None


def client_info(
    classes: list[ClassDecl],
    resource_attrs: dict[str, list[tuple[str, str]]],
    js: dict[str, JsModule],
) -> ClientInfo:
    """The client class is the most derived class of the `.js` client's chain (`Cloudflare
    extends BaseCloudflare`), else the non-resource class that attaches resources; defaults
    from its `.js`."""
    info = ClientInfo()
    info.class_name = _client_class(classes, js)
    for klass in classes if info.class_name is None else []:
        if klass.name in resource_attrs and base_name(klass) != "APIResource":
            info.class_name = klass.name
    # the client class's own module last: its facts win; a runtime base class's (`core.js`'s
    # `APIClient` in the older layout) fill the retries and timeout it leaves unsaid
    for module in sorted(
        js.values(), key=lambda m: m.client is not None and info.class_name in m.client.class_names
    ):
        defaults = module.client
        if defaults is None:
            continue
        env = dict(defaults.env)
        info.base_url = defaults.base_url
        info.environments = list(defaults.environments)
        info.default_environment = defaults.default_environment
        info.base_url_env = env.get("baseURL")
        info.api_key_env = env.get("apiKey")
        info.log_env = env.get("logLevel")
        info.auth_header = defaults.auth_header.lower() if defaults.auth_header else None
        if defaults.max_retries is not None:
            info.max_retries = defaults.max_retries
        if defaults.timeout_ms is not None:
            info.timeout_ms = defaults.timeout_ms
        version = [(k, v) for k, v in defaults.static_headers if k.lower().endswith("-version")]
        info.version_header = version[0] if version else None
        info.default_headers = list(defaults.static_headers)
        info.user_agent = "user-agent" in defaults.computed_headers
        info.platform_headers = "platform" in defaults.computed_headers
        info.auth = [
            AuthScheme(option, header, prefix, suffix, env.get(option))
            for option, header, prefix, suffix in defaults.auth
        ]
    return info
