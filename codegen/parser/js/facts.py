"""What the readers of ``codegen.parser.js`` return: plain frozen records, picklable for the
parse cache, holding no tree-sitter node."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JsPos:
    """1-based line and column (in characters) of a node, for diagnostics."""

    line: int
    col: int


@dataclass(frozen=True)
class JsRequest:
    """One ``this._client.<verb>(...)`` or ``this._client.getAPIList(...)`` call in a method.

    ``headers`` lists every header the call sets, in source order, with the expression that feeds
    it (``None`` for a literal, whose value is in ``static_headers``). A header such as
    ``'anthropic-beta': [...(betas ?? []), 'x-2025'].toString()`` is both: it is in ``headers``
    with its source ``'betas'`` and in ``static_headers`` with the literals joined by ``,``.
    A header source that is a renamed destructured local (``{ 'X-Id': xId } = params``) is given
    as the params key (``'X-Id'``), like ``JsMethod.destructures``.

    Beyond the brief's fields: ``options_wrapper`` names a function the options object is passed
    through first (``'multipartFormRequestOptions'`` for an upload); ``query_fields`` /
    ``body_fields`` are the keys of an inline object literal given as ``query`` / ``body``
    (``query: { view }`` -> ``('view',)``), where ``query_from`` / ``body_from`` are ``None``.
    """

    verb: str
    path: str | None
    path_expr: str | None
    page_class: str | None
    option_keys: tuple[str, ...]
    body_from: str | None
    query_from: str | None
    headers: tuple[tuple[str, str | None], ...]
    static_headers: tuple[tuple[str, str], ...]
    span_route: str | None
    pos: JsPos
    options_wrapper: str | None = None
    query_fields: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    # functions the headers come from that are not read here (``messagesCreateHeaders(...)``)
    header_calls: tuple[str, ...] = ()
    # ``__binaryResponse: true`` / ``stream: true`` in the options (a literal ``true`` only)
    flags: tuple[str, ...] = ()
    # ``._thenUnwrap((obj) => obj.result)`` on the call: the response field path the method
    # returns; ``unwrap_unread`` when it unwraps in a form not read (a callback of another shape)
    unwrap: tuple[str, ...] = ()
    unwrap_unread: bool = False
    # a ``method:`` option that is no literal verb (``verb`` is then the call's own); a literal
    # one (``getAPIList(path, Page, { body, method: 'post' })``) is ``verb``
    method_unread: bool = False
    # the path template's substitutions in order (``/a/${id}`` -> ``('id',)``); a brace of the
    # path's literal text is none of them
    path_refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class JsPathChoice:
    """``const { a, b } = x ? { a: 'accounts', b: x } : { a: 'zones', b: y }``: locals ``names``
    chosen by which value is truthy. ``branches`` in order: (the value tested, or None for the
    last ``else``; per local, ``(local, 'literal' | 'ref', string or dotted name)``).
    ``readable`` is False for another shape (a value that is neither, a spread, a branch that
    misses a local)."""

    names: tuple[str, ...]
    branches: tuple[tuple[str | None, tuple[tuple[str, str, str], ...]], ...]
    readable: bool
    pos: JsPos


@dataclass(frozen=True)
class JsWarning:
    """``if (body.model in data_1.DEPRECATED_MODELS) { console.warn(`...`) }``: the method warns
    when the value of param ``param`` is a key of the table ``table`` (a dotted name in this
    file). ``parts`` is the message: (``text``, literal), (``value``, '') for the param's value,
    (``entry``, '') for ``table[value]``, (``unread``, '') for any other substitution."""

    param: str
    table: str
    parts: tuple[tuple[str, str], ...]
    pos: JsPos


@dataclass(frozen=True)
class JsMethod:
    """A class method with the facts its body shows about the HTTP call(s) it makes."""

    name: str
    params: tuple[str, ...]
    destructures: tuple[tuple[str, tuple[str, ...], str | None], ...]
    requests: tuple[JsRequest, ...]
    self_calls: tuple[tuple[str, str | None], ...]
    guards: tuple[str, ...]
    pos: JsPos
    path_choices: tuple[JsPathChoice, ...] = ()
    # ``if (!a && !b) throw`` -> ``('none', ('a', 'b'))``; ``if (a && b) throw`` -> ``('all', ...)``
    throw_tests: tuple[tuple[str, tuple[str, ...]], ...] = ()
    warnings: tuple[JsWarning, ...] = ()


@dataclass(frozen=True)
class JsClass:
    """A class declaration, its methods, and the sub-resources it attaches to itself."""

    name: str
    base: str | None
    methods: tuple[JsMethod, ...]
    attached: tuple[tuple[str, str], ...]
    pos: JsPos


@dataclass(frozen=True)
class JsPageStep:
    """When the current request's query has ``when_query_has`` (``None``: otherwise), the next
    request sets query ``param`` from ``source``: ``field`` (the page's ``field``),
    ``last_item``/``first_item`` (that item's ``field``), ``page_number`` (query ``field``, or
    ``start``, plus one) or ``offset`` (query ``field``, or 0, plus the items on this page)."""

    when_query_has: str | None
    param: str
    source: str
    field: str
    start: int = 0


@dataclass(frozen=True)
class JsPageRule:
    """How one page class reads its items and asks for the next page (see ``pages``).
    ``readable`` is False when its next-page method does something not modelled; ``line``/``col``
    locate that method."""

    cls: str
    item_field: str | None
    has_more_field: str | None
    cursors: tuple[JsPageStep, ...]
    readable: bool = True
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class JsErrorStatus:
    """A status (``exact``) or status floor (``at_least``) that ``APIError.generate`` maps."""

    cls: str
    status: int
    match: str


@dataclass(frozen=True)
class JsClientDefaults:
    """Defaults of the client class: base URL, environment variables, auth and fixed headers."""

    class_names: tuple[str, ...]
    base_url: str | None
    env: tuple[tuple[str, str], ...]
    auth_header: str | None
    static_headers: tuple[tuple[str, str], ...]
    max_retries: int | None
    timeout_ms: int | None
    # (option, header, prefix, suffix) per scheme, in the order ``authHeaders()`` merges them
    auth: tuple[tuple[str, str, str, str], ...] = ()
    # where ``authHeaders()`` is, and how many of its ``buildHeaders`` calls are not the schemes'
    # (credentials resolved at run time: a key function, a token cache)
    auth_pos: JsPos | None = None
    auth_other: int = 0
    # named environments (`environments[options.environment || 'production']`): name -> URL,
    # in source order, and the name used when none is given
    environments: tuple[tuple[str, str], ...] = ()
    default_environment: str | None = None
    # the classes whose constructor handles ``baseURL`` (``APIClient`` in the older ``core.js``)
    handlers: tuple[str, ...] = ()
    # headers set from code, by kind: "user-agent", "platform" (``getPlatformHeaders()``)
    computed_headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class JsModule:
    """Everything read from one file; each part is empty when the file has none of it."""

    classes: tuple[JsClass, ...]
    page_rules: tuple[JsPageRule, ...]
    error_statuses: tuple[JsErrorStatus, ...]
    client: JsClientDefaults | None
    # top-level string tables (name, entries), requires (local, path) and re-exports
    # (exported name, local of the required module, its name), for the tables warnings use
    tables: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    requires: tuple[tuple[str, str], ...] = ()
    reexports: tuple[tuple[str, str, str], ...] = ()
