"""The intermediate model (IR): plain, typed data that the parser produces and the emitter reads.

It is the only contract between the two halves. Everything here is a dataclass of strings,
numbers, lists and other IR nodes, so `to_jsonable` can dump it with a stable key order. Only
`Location` and `Diagnostic` are frozen (hashable values); the other classes are mutable because
the parser builds them in place, and once `parse_spec` has returned, readers must treat them as
read-only (by convention: nothing enforces it). Locations, diagnostics and type expressions
live in `codegen.ir_types` and are re-exported here.
Declarations are keyed by a *declaration id*: ``<module>#<Qualified.Name>``, where the module is
the spec file's path relative to the spec root without its extension (``resources/shared``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal as L

from codegen.ir_types import (
    ArrayType,
    Diagnostic,
    Doc,
    Field_,
    IntersectionType,
    LiteralType,
    Location,
    ObjectType,
    Primitive,
    PrimitiveName,
    RecordType,
    Ref,
    RuntimeRef,
    Severity,
    TupleType,
    TypeParam,
    TypeRef,
    UnionType,
)

# the leaves, re-exported: every IR name is imported from `codegen.ir`
__all__ = [
    "ArrayType",
    "Diagnostic",
    "Doc",
    "Field_",
    "IntersectionType",
    "LiteralType",
    "Location",
    "ObjectType",
    "Primitive",
    "PrimitiveName",
    "RecordType",
    "Ref",
    "RuntimeRef",
    "Severity",
    "TupleType",
    "TypeParam",
    "TypeRef",
    "UnionType",
]

# --- Declarations ------------------------------------------------------------------------------


@dataclass
class KeyFilter:
    """`extends Omit<Base, 'a' | 'b'>` (`omit`) or `extends Pick<Base, 'a'>` (`pick`): the base
    at `extends[index]` (the `Ref` to `Base`) gives its fields without / only `keys`."""

    index: int
    mode: L["omit", "pick"]
    keys: list[str]


@dataclass
class Interface:
    id: str
    name: str
    module: str
    fields: list[Field_]
    loc: Location
    extends: list[TypeRef] = field(default_factory=list)
    index: RecordType | None = None
    type_params: list[str] = field(default_factory=list)
    doc: Doc = field(default_factory=Doc)
    kind: L["interface"] = "interface"
    # bases taken through `Omit<>`/`Pick<>` (see `KeyFilter`)
    extends_filters: list[KeyFilter] = field(default_factory=list)


@dataclass
class Alias:
    id: str
    name: str
    module: str
    type: TypeRef
    loc: Location
    type_params: list[str] = field(default_factory=list)
    doc: Doc = field(default_factory=Doc)
    kind: L["alias"] = "alias"


Declaration = Interface | Alias


# --- Resources ---------------------------------------------------------------------------------

ParamLocation = L["path", "query", "body", "header"]
# How a request's body is sent, as the `.js` builds it: "json" (an object of the body params,
# or `body_param`'s value); "multipart" (`multipartFormRequestOptions`: always
# multipart/form-data, files or not); "maybe-multipart" (`maybeMultipartFormRequestOptions`:
# multipart when a file is in the body, else JSON); "content" (`body_param`'s bytes, str or
# file is the whole body, with the `.js`'s Content-Type); "urlencoded" (an object under
# `Content-Type: application/x-www-form-urlencoded`); "none" (the `.js` passes no body)
BodyKind = L["json", "multipart", "maybe-multipart", "content", "urlencoded", "none"]
# the `.js` runtime's binary types (`RuntimeRef` names): a file in a form, or a whole raw body
BINARY_RUNTIME_TYPES = frozenset(
    {"Uploadable", "Blob", "File", "ArrayBuffer", "ArrayBufferView", "DataView", "ReadableStream"}
)
ResponseKind = L["model", "page", "jsonl", "binary", "sse", "void"]
RouteSource = L["js", "convention", "routes-file"]


@dataclass
class Param:
    """One parameter as the user passes it. `name` is the wire name (header: the argument name)."""

    name: str
    type: TypeRef
    required: bool
    location: ParamLocation
    loc: Location
    wire_name: str | None = None
    doc: Doc = field(default_factory=Doc)
    # passed positionally (a scalar argument in the spec's signature), not by keyword
    positional: bool = False


@dataclass
class Response:
    """What a method gives back: `type` is the model, or the item for pages and streams."""

    kind: ResponseKind
    type: TypeRef | None
    page: str | None = None
    # set when an overload streams instead (`stream: true` -> server-sent events of this type)
    stream_item: TypeRef | None = None


@dataclass
class FollowUrl:
    """A route that first calls `via` and then requests the URL found in its `url_field`."""

    via: str
    url_field: str
    accept: str | None = None


@dataclass
class Route:
    """`path` uses `{wire_name}` placeholders; it is None when `follow` gives the URL instead."""

    verb: str
    path: str | None
    source: RouteSource
    loc: Location
    follow: FollowUrl | None = None


@dataclass
class HeaderValue:
    """One header a method sets. With `param`, that param's value (lists comma-joined), sent only
    when given; `constant` is a literal value, or, after a param, the literals appended to its
    list (`[...(betas ?? []), 'x-2025'].toString()` -> param `betas`, constant `x-2025`)."""

    name: str
    param: str | None = None
    constant: str | None = None


@dataclass
class PathValue:
    """A route placeholder's value in one `PathChoice`: a literal segment or a param's value."""

    placeholder: str
    literal: str | None = None
    param: str | None = None


@dataclass
class PathChoice:
    """When `param` is given (truthy), and no earlier choice's is, the placeholders take
    `values`; `param` None: the choice when no earlier one applies (a default)."""

    param: str | None
    values: list[PathValue]


@dataclass
class PathSelect:
    """Route placeholders chosen by which param is given: cloudflare's
    `/{account_or_zone}/{account_or_zone_id}/...` is `accounts` and `account_id` when
    `account_id` is given, else `zones` and `zone_id`. A call that gives none of the choices'
    params (and has no default choice) is refused; so is one that gives several when
    `exclusive` (the `.js` throws then; otherwise the first choice wins)."""

    placeholders: list[str]
    choices: list[PathChoice]
    exclusive: bool = False


@dataclass
class WarnPart:
    """A piece of a warning's message: literal `text`, the param's value, or its table entry."""

    kind: L["text", "value", "entry"]
    text: str = ""


@dataclass
class ValueWarning:
    """The method warns when param `param` (its wire name) has a value that is a key of the
    table `table` (`if (body.model in DEPRECATED_MODELS) console.warn(...)`): the table's
    entries as the `.js` ships them, the message, and the warning's category (`deprecation`
    when the table's name says so)."""

    param: str
    table: str
    entries: list[tuple[str, str]]
    message: list[WarnPart]
    category: L["deprecation", "user"] = "user"


@dataclass
class RequestShape:
    """What the `.js` sends for a method beyond its verb, path and each param's location.

    `body_param` names a param sent as the whole body (`body: target`), not as a field of it.
    `binary`/`stream` are the request's own `__binaryResponse`/`stream: true` flags.
    """

    headers: list[HeaderValue] = field(default_factory=list)
    body_param: str | None = None
    binary: bool = False
    stream: bool = False
    multipart: bool = False
    # `._thenUnwrap((obj) => obj.result)`: the method returns this field path of the response
    # body (the envelope's `result`), not the body itself
    unwrap: list[str] = field(default_factory=list)
    # route placeholders whose value depends on which params are given (see `PathSelect`)
    path_selects: list[PathSelect] = field(default_factory=list)
    # warnings printed before the request for some param values (deprecated models)
    warnings: list[ValueWarning] = field(default_factory=list)
    # how the body goes on the wire (see `BodyKind`) and the content type the `.js` sets for it
    body_kind: BodyKind = "json"
    content_type: str | None = None


@dataclass
class Method:
    name: str
    params: list[Param]
    response: Response
    loc: Location
    params_type: TypeRef | None = None
    route: Route | None = None
    doc: Doc = field(default_factory=Doc)
    # None when no `.js` request was read for the method (a route by convention or file)
    request: RequestShape | None = None


@dataclass
class SubResource:
    attr: str
    resource: str


@dataclass
class Resource:
    name: str
    path: str
    module: str
    methods: list[Method]
    loc: Location
    subresources: list[SubResource] = field(default_factory=list)
    skipped_methods: list[str] = field(default_factory=list)
    doc: Doc = field(default_factory=Doc)


# --- SDK facts read from client, error and pagination files ------------------------------------


@dataclass
class ErrorClass:
    name: str
    status: int | None
    match: L["exact", "at_least", "none"]
    parent: str
    loc: Location
    doc: Doc = field(default_factory=Doc)


@dataclass
class Cursor:
    """Next-page rule step: if `when_query_has` is in the request query (or is None), send
    `param` = the page's `field`; no next page when that field is empty. Other `source`s:
    `last_item`/`first_item` (that item's `field`), `page_number` (query `field`, else `start`,
    plus one), `offset` (query `field`, else 0, plus the number of items on the page)."""

    param: str
    field: str
    when_query_has: str | None = None
    source: L["field", "last_item", "first_item", "page_number", "offset"] = "field"
    start: int = 0


@dataclass
class ItemsContainer:
    """The page field whose object holds the items one level down (cloudflare's
    `V4PagePagination`: `result: V4PagePaginationResponse.Result<Item>`, items `result.items`):
    the fields of that generic interface, with `TypeParam` for the page's item."""

    field: str
    item_field: str
    name: str
    fields: list[Field_]
    loc: Location


@dataclass
class PageClass:
    id: str
    name: str
    item_field: str
    fields: list[Field_]
    loc: Location
    params: list[Field_] = field(default_factory=list)
    has_more_field: str | None = None
    cursors: list[Cursor] = field(default_factory=list)
    doc: Doc = field(default_factory=Doc)
    # False: its next-page rule could not be read (a warning); iterating past page one raises
    rule_known: bool = True
    # the items are a field of one of its fields (`item_field` is then dotted: `result.items`)
    items_container: ItemsContainer | None = None


@dataclass
class AuthScheme:
    """One way `client.js` authenticates (`apiKeyAuth()`): the client option that holds the
    credential, the header it sets, its value as `prefix + credential + suffix`
    (`Bearer ${this.apiKey}` -> prefix `Bearer `), and the environment variable read for it."""

    option: str
    header: str
    prefix: str = ""
    suffix: str = ""
    env: str | None = None


@dataclass
class ClientInfo:
    class_name: str | None = None
    base_url: str | None = None
    base_url_env: str | None = None
    api_key_env: str | None = None
    auth_header: str | None = None
    version_header: tuple[str, str] | None = None
    # every literal header client.js sends with each request (`Accept`, `anthropic-version`)
    default_headers: list[tuple[str, str]] = field(default_factory=list)
    log_env: str | None = None
    max_retries: int | None = None
    timeout_ms: int | None = None
    resources: list[SubResource] = field(default_factory=list)
    # in the order `authHeaders()` merges them: a later scheme's header wins over an earlier one's
    auth: list[AuthScheme] = field(default_factory=list)
    # named environments (name, base URL) in source order, and the one used when none is given
    environments: list[tuple[str, str]] = field(default_factory=list)
    default_environment: str | None = None
    # the client's `.js` sends a `User-Agent` / the `X-Stainless-*` platform headers with every
    # request (the package sends its own: `<Client>/Python <version>`, `X-Stainless-Lang: python`)
    user_agent: bool = False
    platform_headers: bool = False


@dataclass
class SourceFile:
    path: str
    sha256: str


@dataclass
class Spec:
    files: list[SourceFile]
    resources: list[Resource]
    declarations: dict[str, Declaration]
    client: ClientInfo
    errors: list[ErrorClass]
    pages: list[PageClass]
    diagnostics: list[Diagnostic]

    def resource(self, path: str) -> Resource | None:
        return next((r for r in self.resources if r.path == path), None)


def to_jsonable(value: object) -> object:
    """Dump any IR value to JSON-ready data; dict keys sorted by the caller's json.dumps."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value
