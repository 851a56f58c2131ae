"""The page classes (`pagination.py` and the pagination tests): each used page's fields as
model fields, its item and has-more fields, and its next-page cursors, with what the generated
test expects each cursor to send."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.emit.annotations import annotate, python_literal
from codegen.emit.code import Code
from codegen.emit.ctx_common import admitting_none, nullable, shallow
from codegen.emit.ctx_plan import Planner
from codegen.emit.naming import async_class, class_name, identifier, page_scope, sync_class
from codegen.errors import SpecError
from codegen.ir import Cursor, Field_, PageClass


@dataclass(frozen=True)
class PageNames:
    """The sync and async classes of a page (`SyncPage`, `AsyncPage`)."""

    sync_name: str
    async_name: str


def page_names(page: str) -> PageNames:
    return PageNames(sync_class(class_name(page)), async_class(class_name(page)))


@dataclass(frozen=True)
class PageField:
    name: str
    wire: str
    annotation: Code
    # `None`, `[]`, or a `Field(...)` call carrying the wire name as the alias
    default_repr: str


@dataclass(frozen=True)
class PageCursorContext:
    """A next-page rule: the query `param` it sets, from where (`source`), and when."""

    when_query_has: str | None
    param: str
    param_name: str
    when_name: str
    # a page field only for `field` cursors; else an item field or a query key (`wire`)
    field: str | None
    wire: str
    # the generated test's cursor value: f"<field>-{page}"
    page_value: Code
    source: str
    start: int
    # what the generated test expects the 2nd and 3rd requests to send
    next_1: Code
    next_2: Code
    # a cursor nested in the page field `field` (`result_info.cursors.after`): the wire keys
    # below it, as a tuple literal (`("cursors", "after")`); None for the field itself
    field_path: Code | None = None
    # its wire keys from the page body down (`result_info`, `cursors`, `after`)
    wire_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageContext:
    name: str
    loc: str
    sync_name: str
    async_name: str
    doc: str
    item_field: str | None
    item_wire: str
    fields: list[PageField]
    aliased: bool
    has_more_field: str | None
    has_more_wire: str | None
    cursors: list[PageCursorContext]
    rule_known: bool
    # the cursor used when the query names none of the `when_query_has` keys
    default_cursor: PageCursorContext | None
    # no has-more field and a derived cursor: only an empty page ends iteration (the tests
    # script one)
    ends_on_empty_page: bool
    # the wire keys from the body to the items (`("data",)`, `("result", "items")`)
    item_keys: tuple[str, ...]
    # what the generated tests append to a page to read its items (`.data`)
    item_access: Code
    # items one field down (`result.items`): the model of the page field `item_field` holding
    # them (`V4PagePaginationResult[_T]`); None when `item_field` holds the items
    container: ContainerContext | None = None


@dataclass(frozen=True)
class ContainerContext:
    """The generic model of the page field whose object holds the items (the official
    cloudflare package's `V4PagePaginationResult(GenericModel, Generic[_T])`)."""

    name: str
    fields: list[PageField]
    item_field: str


def pages(planner: Planner) -> list[PageContext]:
    """The spec's page classes some emitted method returns, in spec order."""
    used = {
        m.response.page for r in planner.resources for m in r.methods if m.response.kind == "page"
    }
    return [page_context(planner, page) for page in planner.spec.pages if page.name in used]


def page_context(planner: Planner, page: PageClass) -> PageContext:
    box = page.items_container
    container = None
    if box is not None:
        name = container_name(page, box.field, planner)
        box_fields, box_attr = _model_fields(
            planner, f"{page.name}.{box.field}", box.fields, box.item_field, optional_none=True
        )
        container = ContainerContext(name, box_fields, box_attr[box.item_field])
    own_items = box.field if box is not None else page.item_field
    typed = {box.field: Code(f"{container.name}[_T]")} if box and container else {}
    # (the items' own model field, `result`, defaults to None: `page.item_field` is dotted)
    fields, attr = _model_fields(planner, page.name, page.fields, page.item_field, typed=typed)

    def attr_of(wire: str | None, what: str) -> str | None:
        """The Python attribute of the page field `wire` (None stays None)."""
        if wire is None:
            return None
        if wire not in attr:
            raise SpecError(page.loc, f"page {page.name}: {what} '{wire}' is not one of its fields")
        return attr[wire]

    names = page_names(page.name)
    item_field = attr_of(own_items, "item field")
    has_more_field = attr_of(page.has_more_field, "has-more field")
    cursors = [
        cursor_context(
            c, attr_of(c.field.split(".")[0], "cursor field") if c.source == "field" else None
        )
        for c in page.cursors
    ]
    unconditional = [c for c in cursors if not c.when_query_has]
    return PageContext(
        name=class_name(page.name),
        loc=str(page.loc),
        sync_name=names.sync_name,
        async_name=names.async_name,
        doc=page.doc.text,
        item_field=item_field,
        item_wire=page.item_field,
        fields=fields,
        aliased=any(f.name != f.wire for f in fields),
        has_more_field=has_more_field,
        has_more_wire=page.has_more_field,
        cursors=cursors,
        rule_known=page.rule_known,
        default_cursor=unconditional[0] if unconditional else None,
        ends_on_empty_page=not has_more_field and any(c.source != "field" for c in unconditional),
        container=container,
        item_keys=tuple(page.item_field.split(".")) if container else (page.item_field,),
        item_access=Code("._get_page_items()" if container else f".{item_field}"),
    )


def _model_fields(
    planner: Planner,
    owner: str,
    fields: list[Field_],
    items: str,
    *,
    typed: dict[str, Code] | None = None,
    optional_none: bool = False,
) -> tuple[list[PageField], dict[str, str]]:
    """Model fields of a page (or of the model holding its items) and each wire name's Python
    attribute: the items' field (wire `items`) defaults to an empty list, the others to None
    (`optional_none`: also an optional items field, as the official SDK's `Optional[List[_T]]`);
    `typed` overrides the annotation of some fields."""
    namer = planner.namer("response", "")
    # page fields are model fields: the same resolver, so `first-id`, `def` or
    # `model_config` get a safe name (the wire name stays the alias)
    scope = page_scope()
    out = []
    for f in fields:
        annotation = (typed or {}).get(f.name) or shallow(
            annotate(f.type, namer, page_item="_T"), f.loc
        )
        default_none = nullable(f.type) or f.name != items or (optional_none and f.optional)
        py_name = planner.claim_name(scope, f.name, f.name, f.loc, f"field of {owner}")
        # a list default is a factory (a mutable class default is what ruff's RUF012 flags)
        default = "None" if default_none else Code("Field(default_factory=list)")
        if py_name != f.name:
            default = Code(
                f"Field(default{'' if default_none else '_factory'}="
                f"{'None' if default_none else 'list'}, alias={python_literal(f.name)})"
            )
        annotation = admitting_none(annotation) if default_none else annotation
        out.append(PageField(py_name, f.name, annotation, default))
    return out, {f.name: scope.by_key[f.name] for f in fields}


def container_name(page: PageClass, field: str, planner: Planner) -> str:
    """`V4PagePagination` + `result` -> `V4PagePaginationResult` (the official package's name),
    kept apart from the page classes and the names `pagination.py` defines."""
    taken = set(_PAGINATION_NAMES)
    for other in planner.spec.pages:
        names = page_names(other.name)
        taken.update((names.sync_name, names.async_name))
        if other.items_container is not None and other.id < page.id:  # the first keeps it
            taken.add(class_name(f"{other.name}.{other.items_container.field}"))
    base = class_name(f"{page.name}.{field}")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    return name


# what the runtime's `pagination.py` itself defines or imports at module level
_PAGINATION_NAMES = frozenset(
    {
        "AsyncPaginator", "BaseAsyncPage", "BasePage", "BaseSyncPage", "PageInfo",
        "NextPageUnknownError", "SyncPageT", "AsyncPageT", "BaseModel", "Field", "PrivateAttr",
        "Generic", "TypeVar", "Any", "Self", "Mapping", "AsyncIterator", "Generator",
        "Iterator", "TYPE_CHECKING", "AsyncAPIClient", "SyncAPIClient", "FinalRequestOptions",
        "dataclasses",
    }
)  # fmt: skip


def cursor_context(c: Cursor, field: str | None) -> PageCursorContext:
    nested = tuple(c.field.split(".")) if field is not None and "." in c.field else ()
    return PageCursorContext(
        when_query_has=c.when_query_has,
        param=c.param,
        param_name=identifier(c.param),
        when_name=identifier(c.when_query_has or ""),
        field=field,
        wire=c.field,
        page_value=Code("f" + python_literal(fstring_text(c.field) + "-{page}")),
        source=c.source,
        start=c.start,
        next_1=python_literal(expected_cursor(c.source, c.field, c.start, 1)),
        next_2=python_literal(expected_cursor(c.source, c.field, c.start, 2)),
        field_path=_tuple_literal(nested[1:]) if nested else None,
        wire_keys=nested,
    )


def _tuple_literal(keys: tuple[str, ...]) -> Code:
    """`("cursors", "after")`, with no trailing comma for black to explode (but `("a",)`)."""
    return Code("(" + ", ".join(python_literal(k) for k in keys) + ("," * (len(keys) == 1)) + ")")


def fstring_text(text: str) -> str:
    """Text for the literal part of an f-string: braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def expected_cursor(source: str, wire: str, start: int, k: int) -> str:
    """The cursor the generated pagination test's scripted page `k` (1-based, two widgets a
    page, widget ids `w_1`...) leads the client to send for page `k + 1`."""
    prefix = "w_" if wire == "id" else f"{wire}-"
    if source == "field":
        return f"{wire}-{k}"
    if source == "last_item":
        return f"{prefix}{2 * k}"
    if source == "first_item":
        return f"{prefix}{2 * k - 1}"
    if source == "page_number":
        return str(start + k)
    return str(2 * k)
