"""What each method's generated test sends and what the test server answers, synthesised from
the IR: example arguments, the path, query, body and headers the server must see, and a reply
per union member. Written apart from the runtime on purpose: it is the tests' oracle."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from dataclasses import dataclass

from codegen.emit.annotations import python_literal
from codegen.emit.code import Code
from codegen.emit.ctx_path_select import (
    choice_count,
    choice_values,
    choosers,
    refused_calls,
    selects,
    unsent_in_test,
)
from codegen.emit.ctx_test_bodies import BodyCheck, body_check
from codegen.emit.examples import example_value, union_arity
from codegen.ir import (
    Alias,
    Declaration,
    Interface,
    LiteralType,
    Method,
    PageClass,
    Param,
    Primitive,
    Ref,
    TypeRef,
    UnionType,
)


@dataclass(frozen=True)
class RequestHeader:
    """A header a method sets: from the Python `param`, a `constant`, or both (`a,b`)."""

    wire: str
    param: str | None
    constant: str | None


_NONE_YET = Code("")  # filled by `with_call_args`


@dataclass(frozen=True)
class TestData:
    """One method's test: what it sends (`path`, `query`, `body`, `headers`), what the server
    answers (`samples`, `stream_samples`, `via_sample`), and where hostile ids go (`steer`)."""

    path: str
    verb: str
    path_args: list[Code]
    args: dict[str, object]
    query: list[list[str]]
    body: object
    body_check: BodyCheck
    # what the server must see for each header (the first request; with a `follow`, the second)
    headers: dict[str, str]
    samples: list[object]
    stream_samples: list[object]
    via_sample: object
    item_is_model: bool
    # the test path around the last positional path param's value, `[before, after]`, and that
    # param's index among the positional args (a raw body may follow it: `upload(key, body)`)
    steer: list[str] | None
    steer_at: int = -1
    follow_headers: dict[str, str] | None = None
    # the test's call arguments: all of them; without `stream`; a hostile id `value` in the
    # steered path param's place
    call_args: Code = _NONE_YET
    stream_call_args: Code = _NONE_YET
    steer_args: Code = _NONE_YET
    # a page's reply: the field holding the items, the others' values, and whether a second,
    # empty page must follow (the page's next-page rule stops on nothing else)
    page_item: str = "data"
    page_fields: dict[str, object] = dataclasses.field(default_factory=dict)
    page_empty: bool = False
    # the keys below `page_item` down to the items, for items one field down (`["items"]`)
    page_nested: list[str] = dataclasses.field(default_factory=list)
    # per further path choice (`PathSelect`): [the path it reaches, the call's arguments]
    choices: list[tuple[str, Code]] = dataclasses.field(default_factory=list)
    # call arguments that must raise ValueError before any request (no path choice, or several)
    refused: list[Code] = dataclasses.field(default_factory=list)


def test_data(
    decls: dict[str, Declaration], method: Method, via: Method | None, page: PageClass | None = None
) -> TestData:
    """What the generated test sends and what the server answers, synthesised from the IR;
    `page`: the page class a list method returns (its reply holds the items in its item field)."""
    path_values = {p.name: path_example(p, decls) for p in method.params if p.location == "path"}
    unsent = unsent_in_test(method, 0)  # the test takes the first of each path choice
    args = {
        p.name: path_values[p.name]
        if p.name in path_values
        else example_value(p.type, decls, p.name)
        for p in method.params
        if not p.positional and p.name not in unsent
    }
    # a positional param is a path id, or the whole body (`upload(key, body: Blob)`)
    positional = {
        p.name: path_values[p.name]
        if p.location == "path"
        else example_value(p.type, decls, p.name)
        for p in method.params
        if p.positional
    }
    whole = method.request.body_param if method.request else None
    body = (
        {**args, **positional}.get(whole)
        if whole
        else {(p.wire_name or p.name): args[p.name] for p in method.params if p.location == "body"}
    )
    response = method.response
    samples: list[object] = []
    if response.type is not None:
        arity = union_arity(response.type, decls)
        samples = [example_value(response.type, decls, "", choice=i) for i in range(arity)]
    route = via.route if via and via.route else method.route
    assert route is not None
    path = _test_path(route.path, via or method, path_values, 0)
    page_item, page_fields, page_empty = _page_reply(page)
    via_sample = None
    if via is not None and via.response.type is not None:
        via_sample = example_value(via.response.type, decls, "")
    return TestData(
        path=path,
        verb=route.verb,
        path_args=[python_literal(positional[p.name]) for p in method.params if p.positional],
        args=args,
        query=_query_pairs(
            {(p.wire_name or p.name): args[p.name] for p in method.params if p.location == "query"}
        ),
        body=body,
        body_check=body_check(method, body, whole is not None),
        headers={},  # see `with_expected_headers`
        samples=samples,
        stream_samples=(
            [
                example_value(response.stream_item, decls, "", choice=i)
                for i in range(union_arity(response.stream_item, decls))
            ]
            if response.stream_item is not None
            else []
        ),
        via_sample=via_sample,
        item_is_model=is_model(response.type, decls),
        steer=_steer(method, path, path_values) if via is None else None,
        steer_at=_steer_at(method),
        page_item=page_item,
        page_fields=page_fields,
        page_empty=page_empty,
        page_nested=page.item_field.split(".")[1:] if page and page.items_container else [],
    )


def _page_reply(page: PageClass | None) -> tuple[str, dict[str, object], bool]:
    """The test's page reply: the samples in the page's item field, its has-more field false
    and its other fields null (no cursor, so no next page); `page_empty` when only an empty page
    ends iteration (no has-more field, and a next page derived from the query or the items)."""
    if page is None:
        return "data", {}, False
    item = page.items_container.field if page.items_container else page.item_field
    others: dict[str, object] = {
        f.name: (False if f.name == page.has_more_field else None)
        for f in page.fields
        if f.name != item
    }
    unconditional = [c for c in page.cursors if c.when_query_has is None]
    empty = not page.has_more_field and any(c.source != "field" for c in unconditional)
    return item, others, empty


def _test_path(
    route: str | None, method: Method, path_values: dict[str, object], choice: int
) -> str:
    """The path the server sees when the test passes `path_values` and takes choice `choice`
    of each path select."""
    path = route_template(route, method) or ""
    for name, value in {**path_values, **choice_values(method, choice, path_values)}.items():
        path = path.replace("{" + name + "}", str(value))
    # what reaches the server: characters a URL path cannot hold are percent-encoded
    return urllib.parse.quote(path, safe="/%!$&'()*+,;=:@-._~")


def with_path_choices(
    test: TestData,
    method: Method,
    keyword: list[tuple[str, str, Code]],
    decls: dict[str, Declaration],
) -> TestData:
    """`test` with a call per further path choice (and the path it must reach), and the calls
    that must be refused (no choice given; several, where the `.js` refuses them). `keyword`:
    (spec name, Python name, example) of each keyword-only param."""
    if not selects(method) or method.route is None or method.route.follow is not None:
        return test
    path_values = {p.name: path_example(p, decls) for p in method.params if p.location == "path"}
    positional = "".join(f"{a}, " for a in test.path_args)

    def call(leave_out: set[str]) -> Code:
        return Code(
            positional
            + "".join(f"{py}={ex}, " for spec, py, ex in keyword if spec not in leave_out)
        )

    everyone = choosers(method)
    choices = [
        (_test_path(method.route.path, method, path_values, i), call(unsent_in_test(method, i)))
        for i in range(1, choice_count(method))
    ]
    refused = [call(everyone - given) for given in refused_calls(method)]
    return dataclasses.replace(test, choices=choices, refused=refused)


def with_expected_headers(
    test: TestData, headers: list[RequestHeader], params: dict[str, str], follows: bool
) -> TestData:
    """`test` with the headers the server must see when the test passes every param
    (`params`: Python name -> spec name); a followed URL's request gets them, not the first."""
    expected = _expected_headers(headers, params, test.args)
    if follows:  # those headers go with the second request, the URL's
        return dataclasses.replace(test, follow_headers=expected, headers={"accept": _JSON})
    expected.setdefault("accept", _JSON)
    return dataclasses.replace(test, headers=expected)


_JSON = "application/json"


def with_call_args(test: TestData, keyword: list[tuple[str, Code]]) -> TestData:
    """`test` with the call's arguments: the path args, then each keyword-only param's
    `name=example` (`keyword`)."""
    named = "".join(f"{name}={example}, " for name, example in keyword)
    streamless = "".join(f"{name}={example}, " for name, example in keyword if name != "stream")
    positional = "".join(f"{a}, " for a in test.path_args)
    return dataclasses.replace(
        test,
        call_args=Code(positional + named),
        stream_call_args=Code(positional + streamless),
        steer_args=Code(
            "".join(
                "value, " if i == test.steer_at else f"{a}, " for i, a in enumerate(test.path_args)
            )
            + named
        ),
    )


def route_template(path: str | None, method: Method) -> str | None:
    """The route as `path_template` takes it: `{name}` only for the method's path params; any
    other brace is literal text of the route, percent-encoded as a URL would have it."""
    if path is None:
        return None
    names = {p.wire_name or p.name for p in method.params if p.location == "path"}
    names |= {name for s in selects(method) for name in s.placeholders}

    def keep(m: re.Match[str]) -> str:
        if m.group(1) is not None and m.group(1) in names:
            return m.group(0)
        return m.group(0).replace("{", "%7B").replace("}", "%7D")

    return re.sub(r"\{([^{}]*)\}|[{}]", keep, path)


def is_model(t: TypeRef | None, decls: dict[str, Declaration]) -> bool:
    return (
        isinstance(t, Ref) and t.target is not None and isinstance(decls.get(t.target), Interface)
    )


def _query_pairs(params: dict[str, object]) -> list[list[str]]:
    """The query the runtime must send, as the test expects it: lists as `key[]=a&key[]=b`
    (the TypeScript SDK's `arrayFormat: 'brackets'`, as the official Python SDK), objects as
    `key[sub]=v`."""
    pairs: list[list[str]] = []
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            pairs.extend([f"{key}[]", _query_text(item)] for item in value)
        elif isinstance(value, dict):
            pairs.extend(_query_pairs({f"{key}[{k}]": v for k, v in value.items()}))
        else:
            pairs.append([key, _query_text(value)])
    return pairs


def _expected_headers(
    headers: list[RequestHeader], params: dict[str, str], args: dict[str, object]
) -> dict[str, str]:
    """What the server must see for each header when the test passes every param: the param's
    value (lists comma-joined), then the constant appended, as `[...(p ?? []), 'c'].toString()`."""
    by_python = {name: args.get(spec_name) for name, spec_name in params.items()}
    out: dict[str, str] = {}
    for h in headers:
        value = by_python.get(h.param) if h.param else None
        parts = [_header_text(value)] if value is not None else []
        if h.constant is not None:
            parts.append(h.constant)
        if parts:
            out[h.wire.lower()] = ",".join(p for p in parts if p != "")
    return out


def _header_text(value: object) -> str:
    """What the runtime sends for a header param: lists comma-separated, as `toString()` does."""
    if isinstance(value, (list, tuple)):
        return ",".join(_header_text(v) for v in value)
    return _query_text(value)


def _query_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _steer(method: Method, path: str, values: dict[str, object]) -> list[str] | None:
    """The test path around the last positional path param's value, `[before, after]`: the
    generated test sends hostile ids there (`..`, `a/b`) and checks what reaches the server.
    None when that param takes no free string (a literal or a number: no id to steer)."""
    last = [p for p in method.params if p.positional and p.location == "path"][-1:]
    if not last:
        return None
    value = values[last[0].name]
    if not isinstance(value, str) or not value.endswith("_value") or value not in path:
        return None
    before, _, after = path.rpartition(value)
    return [before, after]


def _steer_at(method: Method) -> int:
    """The index, among the positional params, of the last positional path param (-1: none)."""
    positional = [p for p in method.params if p.positional]
    at = [i for i, p in enumerate(positional) if p.location == "path"]
    return at[-1] if at else -1


def path_example(p: Param, decls: dict[str, Declaration]) -> object:
    """A path param's test value: `<name>_value` where any string goes, else a value of its
    type (the first literal of an enum, a number), so the test's call type-checks."""
    if _takes_any_string(p.type, decls, 0):
        return f"{p.name}_value"
    return example_value(p.type, decls, p.name)


def _takes_any_string(t: TypeRef, decls: dict[str, Declaration], depth: int) -> bool:
    if isinstance(t, Ref) and depth < 20:
        decl = decls.get(t.target) if t.target else None
        return not isinstance(decl, Alias) or _takes_any_string(decl.type, decls, depth + 1)
    if isinstance(t, UnionType):
        return t.open or any(_takes_any_string(m, decls, depth + 1) for m in t.members)
    if isinstance(t, Primitive):
        return t.name not in ("number", "integer", "boolean", "null")
    return not isinstance(t, LiteralType)
